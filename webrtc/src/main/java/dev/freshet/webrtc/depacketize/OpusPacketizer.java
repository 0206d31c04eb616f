package dev.freshet.webrtc.depacketize;

import java.util.Objects;

/**
 * Puts stored Opus frames into RTP (RFC 7587 4.2): one Opus packet per payload, unchanged. The
 * marker bit stays clear: it marks the first packet after a DTX silence, and stored audio is sent
 * without gaps. Not thread-safe: one per sent Opus stream.
 *
 * <pre>
 *   Frame data (one Opus packet: | TOC | .. |)  ->  RTP payload, the same bytes
 * </pre>
 */
public final class OpusPacketizer {

    private int sequenceNumber;

    /** @param firstSequenceNumber the first packet's sequence number (random, RFC 3550 5.1) */
    public OpusPacketizer(int firstSequenceNumber) {
        this.sequenceNumber = firstSequenceNumber & 0xFFFF;
    }

    /** The payload of one Opus packet at {@code rtpTimestamp} (48 kHz). */
    public RtpPayload packetize(byte[] opusPacket, long rtpTimestamp) {
        Objects.requireNonNull(opusPacket, "opusPacket");
        RtpPayload payload = RtpPayload.of(sequenceNumber, rtpTimestamp & 0xFFFF_FFFFL, false, opusPacket);
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        return payload;
    }
}
