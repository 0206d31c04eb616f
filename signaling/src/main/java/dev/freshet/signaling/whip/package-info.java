/**
 * WHIP ingest (RFC 9725): a publisher's SDP offer becomes an answer and a session whose media ends
 * up as fragments of a video stream. {@link dev.freshet.signaling.whip.WhipSessions} is the entry
 * point; the HTTP side (routes, status codes, CORS) lives in the web module, which resolves stream
 * names through {@link dev.freshet.signaling.whip.PublishTargets}.
 *
 * <pre>
 *   offer ─▶ AnswerBuilder ─▶ answer (returned at once)
 *             IceSession ── connected ─▶ SecureTransport ─▶ IncomingPeer ─▶ PeerIngest ─▶ FrameIngest
 *   PATCH sdpfrag ─▶ IcePatches: trickled candidates counted; If-Match "*" restarts the IceSession
 * </pre>
 * {@link dev.freshet.signaling.whip.PublisherStats} (and WHEP's {@code ViewerStats}) are the per-stream
 * counts metrics read.
 */
package dev.freshet.signaling.whip;
