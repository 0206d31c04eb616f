/**
 * RTCP (RFC 3550 section 6) and its feedback messages (RFC 4585, RFC 5104, REMB, transport-wide
 * congestion control), one wire message per class: {@link dev.freshet.webrtc.rtcp.SenderReport},
 * {@link dev.freshet.webrtc.rtcp.ReceiverReport} (with {@link dev.freshet.webrtc.rtcp.ReportBlock}),
 * {@link dev.freshet.webrtc.rtcp.Sdes}, {@link dev.freshet.webrtc.rtcp.Bye},
 * {@link dev.freshet.webrtc.rtcp.GenericNack}, {@link dev.freshet.webrtc.rtcp.PictureLossIndication},
 * {@link dev.freshet.webrtc.rtcp.FullIntraRequest}, {@link dev.freshet.webrtc.rtcp.Remb} and
 * {@link dev.freshet.webrtc.rtcp.TransportCc}. Each has a static {@code decode} for one packet and
 * {@code encodedSize}/{@code encodeTo}; {@link dev.freshet.webrtc.rtcp.RtcpCompound} reads and writes
 * a whole UDP payload. {@link dev.freshet.webrtc.rtcp.NtpTime} converts sender report times.
 * Malformed input raises {@link dev.freshet.webrtc.MalformedInputException} with an
 * {@link dev.freshet.webrtc.rtcp.RtcpMalformed} reason. Imports only
 * {@link dev.freshet.webrtc.rtp.SequenceNumbers} of the rtp package, for NACK ranges.
 */
package dev.freshet.webrtc.rtcp;
