package dev.freshet.web.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Decodes a JSON string straight from a request body's UTF-8 bytes when it is base64 that
 * {@link Base64Text} accepts as written, with no escape: the form every SDK writes blobs in.
 * <pre>
 *  "AAECAw=="       →  00 01 02 03
 *  "AAECAw"         →  null (length not a multiple of 4)
 *  "AAECAx=="       →  null (unused bits set)
 *  "AAEC\u0041w=="  →  null (an escape)
 * </pre>
 * The bytes up to the next {@code "} are checked as {@link Base64Text} checks text (length, the
 * JDK decoder, unused bits), so whatever is decoded here is what {@link Base64Text} decodes from
 * the string; a backslash, any byte outside the alphabet or a misplaced pad makes the JDK decoder
 * refuse, and then the answer is null: the caller reads the string as text and {@link Base64Text}
 * decides and words the error. No {@code String} is built on the way, and the JDK decoder is
 * vectorized where the CPU allows.
 *
 * <p>Thread-safe (stateless).
 */
final class Base64Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Base64Bytes() {
    }

    /**
     * The bytes of the string whose opening quote is at {@code body[quote]}, or null when the string
     * is not such base64, runs past {@code end}, or has more than {@code maxChars} characters.
     */
    static byte[] decodeString(byte[] body, int quote, int end, int maxChars) {
        int start = quote + 1;
        int close = indexOfQuote(body, start, end);
        int length = close - start;
        if (close < 0 || length % 4 != 0 || length > maxChars) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(body, start, length)).array();
        } catch (IllegalArgumentException e) {
            return null;
        }
        int padding = length == 0 || body[close - 1] != '=' ? 0 : body[close - 2] == '=' ? 2 : 1;
        return padding > 0 && Base64Text.hasUnusedBits((char) body[close - padding - 1], padding) ? null : decoded;
    }

    /**
     * The index of the first {@code "} in {@code [from, end)}, or -1; eight bytes per step (the
     * zero-byte test of "Bit Twiddling Hacks": its lowest flagged byte is the first match).
     */
    static int indexOfQuote(byte[] bytes, int from, int end) {
        int i = from;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long v = (long) LONGS.get(bytes, i) ^ QUOTES;
            long found = (v - ONES) & ~v & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }
}
