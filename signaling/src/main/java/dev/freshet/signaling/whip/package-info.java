/**
 * WHIP ingest (RFC 9725): a publisher's SDP offer becomes an answer and a session whose media ends
 * up as fragments of a video stream. {@link dev.freshet.signaling.whip.WhipSessions} is the entry
 * point; the HTTP side (routes, status codes, CORS) lives in the web module, which resolves stream
 * names through {@link dev.freshet.signaling.whip.PublishTargets}.
 *
 * <pre>
 *   offer ─▶ AnswerBuilder ─▶ answer (returned at once)
 *             IceSession ── connected ─▶ SecureTransport ─▶ IncomingPeer ─▶ PeerIngest ─▶ FrameIngest
 * </pre>
 */
package dev.freshet.signaling.whip;
