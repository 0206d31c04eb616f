/**
 * KVS WebRTC storage sessions ({@code JoinStorageSession}): Freshet joins a signaling channel as a
 * peer of its master (the camera), sends the SDP offer, and stores the media the master sends into
 * the video stream of the channel's media storage configuration; viewers that join it
 * ({@code JoinStorageSessionAsViewer}) are offered the master's live media as WHEP viewers.
 * {@link dev.freshet.signaling.storage.StorageSessions} is the entry point; the channel relay and
 * the JSON/base64 of signaling messages live in the web module, which passes plain SDP and
 * candidate lines.
 *
 * <pre>
 *   join ─▶ OfferBuilder ─▶ OfferSink.sendOffer ─▶ (master) ─▶ answer ─▶ AnswerReader
 *            IceSession (controlling; the master's checks find the port) ─▶ WhipSessions.receive
 *            ─▶ SecureTransport ─▶ IncomingPeer ─▶ PeerIngest ─▶ FrameIngest
 *   joinAsViewer ─▶ WhepSessions.offer (OfferBuilder.sending: the publisher's codecs) ─▶ OfferSink
 *            ─▶ (viewer) ─▶ StorageViewer.answer ─▶ OfferedViewer ─▶ WhepSession (forwarding)
 * </pre>
 */
package dev.freshet.signaling.storage;
