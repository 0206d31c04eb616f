/**
 * RTP (RFC 3550) wire types: {@link dev.freshet.webrtc.rtp.RtpPacket} views a received packet
 * without copying, {@link dev.freshet.webrtc.rtp.OutgoingRtpPacket} builds one to send, and
 * {@link dev.freshet.webrtc.rtp.HeaderExtension} is an RFC 8285 element of either.
 * {@link dev.freshet.webrtc.rtp.SequenceNumbers}, {@link dev.freshet.webrtc.rtp.RtpTimestamps} and
 * {@link dev.freshet.webrtc.rtp.Unwrapper} handle the counters that wrap. Malformed input raises
 * {@link dev.freshet.webrtc.MalformedInputException} with an {@link dev.freshet.webrtc.rtp.RtpMalformed}
 * reason. Imports nothing of the other protocol packages.
 */
package dev.freshet.webrtc.rtp;
