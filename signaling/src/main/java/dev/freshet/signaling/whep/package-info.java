/**
 * WHEP playback: a viewer's recvonly offer for a stream with a live WHIP publisher becomes an
 * answer and a session that receives the publisher's RTP as it arrives, forwarded without
 * transcoding; for KVS storage viewers Freshet offers and the viewer answers
 * ({@link dev.freshet.signaling.whep.OfferedViewer}). {@link dev.freshet.signaling.whep.WhepSessions}
 * is the entry point; the HTTP side lives in the web module next to WHIP.
 *
 * <pre>
 *   WHIP publisher ─▶ SecureTransport ─▶ LivePublisher tap ─┬─▶ IncomingPeer (ingest)
 *                                                          └─▶ ViewerQueue per viewer ─▶ viewer's SecureTransport
 *   viewer RTCP ─▶ WhepSession: PLI/FIR ─▶ publisher (rate-limited);  NACK ─▶ history ─▶ ViewerQueue
 * </pre>
 */
package dev.freshet.signaling.whep;
