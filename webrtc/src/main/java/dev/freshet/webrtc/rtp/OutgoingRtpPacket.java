package dev.freshet.webrtc.rtp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RTP packet to send: the header fields, RFC 8285 extensions, payload and padding, written in
 * the layout {@link RtpPacket} describes. The extensions take the one-byte form when every element
 * fits it (id 1..14, 1..16 bytes), the two-byte form otherwise. Equality compares array contents.
 *
 * <p>Immutable as long as nobody writes to the given arrays; thread-safe on that condition.
 *
 * @param payloadType   0..127
 * @param sequenceNumber 0..65535
 * @param timestamp     0..2^32-1
 * @param ssrc          0..2^32-1
 * @param csrcs         at most 15 contributing sources, each 0..2^32-1
 * @param extensions    RFC 8285 elements, written in this order
 * @param paddingLength 0, or 1..255 bytes of padding (the last holds the count) with the P bit set
 */
public record OutgoingRtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                                List<Long> csrcs, List<HeaderExtension> extensions, byte[] payload,
                                int paddingLength) {

    public OutgoingRtpPacket {
        csrcs = List.copyOf(csrcs);
        extensions = List.copyOf(extensions);
        check(payloadType >= 0 && payloadType <= 127, "payload type " + payloadType);
        check(sequenceNumber >= 0 && sequenceNumber <= 0xFFFF, "sequence number " + sequenceNumber);
        check(timestamp >>> 32 == 0 && ssrc >>> 32 == 0, "timestamp " + timestamp + " ssrc " + ssrc);
        check(csrcs.size() <= 15 && csrcs.stream().allMatch(c -> c >>> 32 == 0), "csrcs " + csrcs);
        check(paddingLength >= 0 && paddingLength <= 255, "padding " + paddingLength);
    }

    /** A packet without CSRCs, extensions or padding. */
    public static OutgoingRtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp,
                                       long ssrc, byte[] payload) {
        return new OutgoingRtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), List.of(),
                payload, 0);
    }

    private static void check(boolean valid, String what) {
        if (!valid) {
            throw new IllegalArgumentException("RTP " + what);
        }
    }

    public int encodedSize() {
        return 12 + 4 * csrcs.size() + HeaderExtensions.encodedSize(extensions) + payload.length + paddingLength;
    }

    /** Writes the packet to {@code out} at {@code at}; returns the bytes written. */
    public int encodeTo(byte[] out, int at) {
        int size = encodedSize();
        Objects.checkFromIndexSize(at, size, out.length);
        out[at] = (byte) (0x80 | (paddingLength > 0 ? 0x20 : 0) | (extensions.isEmpty() ? 0 : 0x10) | csrcs.size());
        out[at + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        BigEndian.put16(out, at + 2, sequenceNumber);
        BigEndian.put32(out, at + 4, timestamp);
        BigEndian.put32(out, at + 8, ssrc);
        int pos = at + 12;
        for (long csrc : csrcs) {
            BigEndian.put32(out, pos, csrc);
            pos += 4;
        }
        pos += HeaderExtensions.encodeTo(extensions, out, pos);
        System.arraycopy(payload, 0, out, pos, payload.length);
        pos += payload.length;
        if (paddingLength > 0) {
            Arrays.fill(out, pos, pos + paddingLength - 1, (byte) 0);
            out[pos + paddingLength - 1] = (byte) paddingLength;
        }
        return size;
    }

    /** The packet in a new array of its size. */
    public byte[] encode() {
        byte[] out = new byte[encodedSize()];
        encodeTo(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutgoingRtpPacket p && marker == p.marker && payloadType == p.payloadType
                && sequenceNumber == p.sequenceNumber && timestamp == p.timestamp && ssrc == p.ssrc
                && csrcs.equals(p.csrcs) && extensions.equals(p.extensions) && Arrays.equals(payload, p.payload)
                && paddingLength == p.paddingLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequenceNumber, timestamp, ssrc, extensions, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "OutgoingRtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp
                + ", ssrc=" + ssrc + ", marker=" + marker + ", payload=" + payload.length + "]";
    }
}
