package dev.freshet.bench.webrtc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The capture time a publisher puts in each access unit, as an H.264 SEI NAL unit of type
 * user_data_unregistered (payload type 5, ITU-T H.264 D.1.7): a 16-byte UUID of this benchmark and
 * the send time in epoch nanoseconds as 16 hex digits. ASCII digits hold no zero bytes, so the NAL
 * unit needs no emulation-prevention bytes and the viewer can read it straight from the RTP payload
 * (a single NAL unit packet: the publisher sends it on its own, before the access unit's slices).
 *
 * <p>Stateless; thread-safe.
 */
final class CaptureStamp {

    private static final int NAL_SEI = 6;
    private static final int USER_DATA_UNREGISTERED = 5;
    // 16 random bytes, none zero, so no 00 00 0x sequence can form around them
    private static final byte[] UUID = {
        (byte) 0x8a, 0x3f, 0x51, (byte) 0xc2, 0x17, 0x6e, 0x4d, (byte) 0xb9,
        (byte) 0x93, 0x2a, (byte) 0xe4, 0x71, 0x58, (byte) 0xcd, 0x06, 0x3b};
    private static final int DIGITS = 16;
    private static final byte PAYLOAD_SIZE = (byte) (16 + DIGITS);
    /** NAL header, payload type, payload size, payload, RBSP stop bit. */
    static final int SIZE = 3 + PAYLOAD_SIZE + 1;

    private CaptureStamp() {
    }

    /** The SEI NAL unit (no start code, no length) carrying {@code epochNanos}. */
    static byte[] nal(long epochNanos) {
        byte[] nal = new byte[SIZE];
        nal[0] = NAL_SEI;
        nal[1] = USER_DATA_UNREGISTERED;
        nal[2] = PAYLOAD_SIZE;
        System.arraycopy(UUID, 0, nal, 3, UUID.length);
        byte[] digits = String.format(Locale.ROOT, "%016x", epochNanos).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, nal, 3 + UUID.length, DIGITS);
        nal[SIZE - 1] = (byte) 0x80;
        return nal;
    }

    /**
     * The epoch nanoseconds in {@code payload[offset, offset + length)} when it is exactly such a NAL
     * unit (an RTP single NAL unit payload); empty for anything else, malformed bytes included.
     */
    static OptionalLong read(byte[] payload, int offset, int length) {
        if (length != SIZE || (payload[offset] & 0x1F) != NAL_SEI || payload[offset + 1] != USER_DATA_UNREGISTERED
            || payload[offset + 2] != PAYLOAD_SIZE || payload[offset + SIZE - 1] != (byte) 0x80) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < UUID.length; i++) {
            if (payload[offset + 3 + i] != UUID[i]) {
                return OptionalLong.empty();
            }
        }
        long nanos = 0;
        for (int i = 0; i < DIGITS; i++) {
            byte c = payload[offset + 3 + UUID.length + i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return OptionalLong.empty();
            }
            nanos = nanos << 4 | digit;
        }
        return OptionalLong.of(nanos);
    }
}
