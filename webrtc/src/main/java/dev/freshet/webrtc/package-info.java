/**
 * WebRTC media transport: turns a peer connection into a stream of {@code fragments} frames and back.
 * One package per protocol layer, imports only downward: {@code rtp} and {@code rtcp} (wire types),
 * {@code sdp} (offer/answer), {@code srtp} (keys through a small keying-material interface, never
 * DTLS itself), {@code dtls}, {@code depacketize} (RTP payloads to frames, frames to RTP payloads)
 * and {@code receive} (the receive pipeline of small nodes: reorder, NACK, keyframe requests).
 */
package dev.freshet.webrtc;
