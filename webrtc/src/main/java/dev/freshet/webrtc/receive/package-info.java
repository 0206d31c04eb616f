/**
 * The receive pipeline of one incoming media stream: decrypted RTP in, {@code fragments} frames and
 * RTCP feedback out. {@link dev.freshet.webrtc.receive.ReceivePipeline} assembles small nodes, each
 * doing one thing and counting what it does ({@link dev.freshet.webrtc.receive.NodeCounters}):
 * {@link dev.freshet.webrtc.receive.ReceiverStatistics} (RFC 3550 report blocks),
 * {@link dev.freshet.webrtc.receive.NackGenerator} (RFC 4585 generic NACK),
 * {@link dev.freshet.webrtc.receive.ReorderBuffer} (sequence order, bounded wait), the depacketizers
 * of {@code depacketize}, and for video a keyframe gate with the
 * {@link dev.freshet.webrtc.receive.KeyframeRequester} (PLI/FIR). One node works per peer, not per
 * stream: {@link dev.freshet.webrtc.receive.TransportFeedback} (transport-wide congestion control
 * feedback over the bundle's one sequence space). Time is passed in, never read, so
 * tests drive it. Imports {@code rtp}, {@code rtcp} and {@code depacketize}; nothing of ice, dtls,
 * srtp or sdp.
 */
package dev.freshet.webrtc.receive;
