package dev.freshet.webrtc.rtcp;

import java.nio.charset.StandardCharsets;

/**
 * The length-prefixed UTF-8 text of SDES items and BYE reasons (RFC 3550 sections 6.5 and 6.6):
 * at most 255 bytes. Bytes that are not UTF-8 become replacement characters, which take three
 * bytes each when written again, so such text is shortened to keep within the 255 and stay
 * writable.
 *
 * <p>Stateless; thread-safe.
 */
final class Text {

    static final int MAX_BYTES = 255;

    private Text() {
    }

    static String read(RtcpReader r) {
        String text = new String(r.bytes(r.u8()), StandardCharsets.UTF_8);
        while (utf8(text).length > MAX_BYTES) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        }
        return text;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void check(String text, String what) {
        FieldChecks.bits(utf8(text).length, 8, what + " length in UTF-8");
    }
}
