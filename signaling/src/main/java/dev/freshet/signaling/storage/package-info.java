/**
 * KVS WebRTC storage sessions ({@code JoinStorageSession}): Freshet joins a signaling channel as a
 * peer of its master (the camera), sends the SDP offer, and stores the media the master sends into
 * the video stream of the channel's media storage configuration.
 * {@link dev.freshet.signaling.storage.StorageSessions} is the entry point; the channel relay and
 * the JSON/base64 of signaling messages live in the web module, which passes plain SDP and
 * candidate lines.
 *
 * <pre>
 *   join ─▶ OfferBuilder ─▶ OfferSink.sendOffer ─▶ (master) ─▶ answer ─▶ AnswerReader
 *            IceSession (controlling; the master's checks find the port) ─▶ WhipSessions.receive
 *            ─▶ SecureTransport ─▶ IncomingPeer ─▶ PeerIngest ─▶ FrameIngest
 * </pre>
 */
package dev.freshet.signaling.storage;
