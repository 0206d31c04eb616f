package dev.freshet.webrtc.depacketize;

import java.util.Arrays;
import java.util.Objects;

/**
 * The part of an RTP packet (RFC 3550 5.1) a payload format reads or writes: the payload bytes (a
 * view, not copied: depacketizers copy what they keep before returning, so the buffer may be a
 * pooled packet buffer) and the three header fields payload formats use.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                           timestamp                           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  SSRC, CSRCs, extensions: not here  ..  payload (offset, length)
 * </pre>
 *
 * <p>Immutable as long as the viewed bytes are not changed.
 *
 * @param sequenceNumber 0..65535
 * @param timestamp      the RTP timestamp, 0..2^32-1
 * @param marker         the M bit: last packet of a video access unit, first of an audio talkspurt
 * @param buffer         holds the payload
 * @param offset         where the payload starts in {@code buffer}
 * @param length         payload bytes
 */
public record RtpPayload(int sequenceNumber, long timestamp, boolean marker, byte[] buffer, int offset, int length) {

    public RtpPayload {
        if ((sequenceNumber & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " is not 16 bits");
        }
        if ((timestamp & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not 32 bits");
        }
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(buffer, "buffer").length);
    }

    /** A payload that is the whole of {@code payload}. */
    public static RtpPayload of(int sequenceNumber, long timestamp, boolean marker, byte[] payload) {
        return new RtpPayload(sequenceNumber, timestamp, marker, payload, 0, payload.length);
    }

    /** The payload byte at {@code index}, 0..255. */
    public int byteAt(int index) {
        Objects.checkIndex(index, length);
        return buffer[offset + index] & 0xFF;
    }

    /** A copy of the payload. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public String toString() {
        return "RtpPayload[seq=" + sequenceNumber + " ts=" + timestamp + (marker ? " M " : " ") + length + "B]";
    }
}
