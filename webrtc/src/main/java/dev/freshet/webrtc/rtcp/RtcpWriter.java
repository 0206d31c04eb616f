package dev.freshet.webrtc.rtcp;

import java.util.Objects;

/**
 * A cursor that writes one RTCP packet in network order, starting with its common header; the
 * encoders of every type write through one.
 *
 * <p>Not thread-safe.
 */
final class RtcpWriter {

    private final byte[] out;
    private final int start;
    private int pos;

    /** Checks that {@code size} bytes fit at {@code at} and writes the common header (no padding). */
    RtcpWriter(byte[] out, int at, int size, int countOrFormat, int packetType) {
        Objects.checkFromIndexSize(at, size, out.length);
        this.out = out;
        this.start = at;
        this.pos = at;
        u8(0x80 | countOrFormat);
        u8(packetType);
        u16(size / 4 - 1);
    }

    RtcpWriter u8(int v) {
        out[pos++] = (byte) v;
        return this;
    }

    RtcpWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    RtcpWriter u24(int v) {
        return u8(v >>> 16).u16(v);
    }

    RtcpWriter u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    RtcpWriter u64(long v) {
        return u32(v >>> 32).u32(v);
    }

    RtcpWriter bytes(byte[] v) {
        System.arraycopy(v, 0, out, pos, v.length);
        pos += v.length;
        return this;
    }

    /** Writes zeros to the next multiple of 4 bytes from the start of the packet. */
    RtcpWriter zerosTo32Bits() {
        while (((pos - start) & 3) != 0) {
            u8(0);
        }
        return this;
    }

    /** The bytes written so far. */
    int written() {
        return pos - start;
    }
}
