/**
 * RTP payload formats: RTP payloads to {@code fragments} frames (depacketizers) and frames to RTP
 * payloads (packetizers), for H.264 (RFC 6184) and Opus (RFC 7587), plus the {@link
 * dev.freshet.webrtc.depacketize.RtpClock} that puts RTP timestamps on the frames' epoch clock.
 *
 * <p>Packets come in as {@link dev.freshet.webrtc.depacketize.RtpPayload}s (payload bytes and the few
 * header fields a payload format needs), already in sequence-number order with possible gaps: the
 * reorder/NACK node before this one owns ordering and retransmission. Bad payloads throw
 * {@link dev.freshet.webrtc.MalformedInputException} with a {@link
 * dev.freshet.webrtc.depacketize.DepacketizeMalformed} reason; losses and skipped packet types are
 * counted in {@link dev.freshet.webrtc.depacketize.DropCounters}.
 */
package dev.freshet.webrtc.depacketize;
