package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;

import java.util.Arrays;

/**
 * A cursor over one RTCP packet's body that refuses to read past its end: every decoder reads
 * through one, so no decoder repeats a bounds check.
 *
 * <p>Not thread-safe.
 */
final class RtcpReader {

    private final byte[] b;
    private final int start;
    private final int end;
    private int pos;

    RtcpReader(byte[] b, int start, int end) {
        this.b = b;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    private int take(int n) {
        if (n < 0 || n > end - pos) {
            throw new MalformedInputException(RtcpMalformed.TRUNCATED_BODY,
                    n + " bytes at " + (pos - start) + " of a body of " + (end - start));
        }
        int at = pos;
        pos += n;
        return at;
    }

    int u8() {
        return b[take(1)] & 0xFF;
    }

    int u16() {
        int at = take(2);
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    int u24() {
        int at = take(3);
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at + 2] & 0xFF;
    }

    long u32() {
        return (long) u16() << 16 | u16();
    }

    long u64() {
        return u32() << 32 | u32();
    }

    byte[] bytes(int n) {
        int at = take(n);
        return Arrays.copyOfRange(b, at, at + n);
    }

    void skip(int n) {
        take(n);
    }

    /** Skips to the next multiple of 4 bytes from the start of the body. */
    void alignTo32Bits() {
        skip(-(pos - start) & 3);
    }

    int remaining() {
        return end - pos;
    }
}
