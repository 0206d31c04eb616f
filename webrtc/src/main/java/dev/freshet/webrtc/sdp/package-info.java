/**
 * SDP (RFC 8866) for WebRTC offer/answer (RFC 8829 JSEP, RFC 3264): {@link dev.freshet.webrtc.sdp.SessionDescription}
 * parses and writes the text; {@link dev.freshet.webrtc.sdp.AnswerBuilder} answers a WHIP, WHEP or KVS offer as
 * an ICE-lite, BUNDLE-only, rtcp-mux-only server that stores H.264 and Opus, and hands the rest of the stack a
 * {@link dev.freshet.webrtc.sdp.AnswerResult} with the negotiated payload types, SSRCs and transport parameters.
 * Everything here is an immutable value or a pure function; nothing does I/O.
 */
package dev.freshet.webrtc.sdp;
