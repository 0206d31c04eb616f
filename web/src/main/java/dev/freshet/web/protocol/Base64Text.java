package dev.freshet.web.protocol;

import java.util.Base64;

/**
 * Strict standard base64 (RFC 4648 section 4, padded, no line breaks) as the service checks blobs
 * sent as text, with its messages:
 * <pre>
 *  'abcde' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5
 *  '=+/=' can not be converted to a Blob: Invalid Base64 character: '='
 *  '+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected
 * </pre>
 * ("dectected" is the service's spelling.) The last check refuses non-zero unused bits in the final
 * character, which {@link Base64.Decoder} silently drops.
 *
 * <p>Thread-safe (stateless).
 */
final class Base64Text {

    private static final boolean[] ALPHABET = alphabet();

    private Base64Text() {
    }

    /** Decodes {@code text}, or throws a {@link ProtocolException.Reason#WRONG_TYPE} SerializationException. */
    static byte[] decode(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            throw invalid(text, "Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
        }
        int padding = padding(text);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text, "Invalid Base64 character: '" + firstInvalid(text, padding) + "'");
        }
        if (padding > 0 && hasUnusedBits(text.charAt(length - padding - 1), padding)) {
            throw invalid(text, "Invalid last non-pad Base64 character dectected");
        }
        return decoded;
    }

    /**
     * The character the service names in its message. Only looked for once the JDK decoder (which
     * checks the same alphabet, faster) refused the text.
     */
    private static char firstInvalid(String text, int padding) {
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !ALPHABET[c]) {
                return c;
            }
        }
        return '=';
    }

    private static int padding(String text) {
        int length = text.length();
        if (length >= 2 && text.charAt(length - 1) == '=') {
            return text.charAt(length - 2) == '=' ? 2 : 1;
        }
        return 0;
    }

    /** One pad leaves 2 unused bits in the last character, two pads leave 4. */
    static boolean hasUnusedBits(char last, int padding) {
        int mask = padding == 1 ? 0x3 : 0xf;
        return (sextet(last) & mask) != 0;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }

    private static boolean[] alphabet() {
        boolean[] table = new boolean[128];
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] = true;
        }
        return table;
    }

    private static ProtocolException invalid(String text, String why) {
        return ProtocolException.wrongType("'" + ValueReader.clip(text) + "' can not be converted to a Blob: " + why);
    }
}
