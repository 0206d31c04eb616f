package dev.freshet.webrtc.rtp;

import dev.freshet.webrtc.MalformedInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 8285 header extension block: parses, finds and writes the elements that follow the
 * 4-byte extension header (profile, length in 32-bit words).
 *
 * <pre>
 *  one-byte form, profile 0xBEDE (RFC 8285 section 4.2):
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |       0xBE    |    0xDE       |           length              |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  ID   | L=0   |     data      |  ID   |  L=1  |   data...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  (L is length - 1; ID 0 is a padding byte; ID 15 ends parsing)
 *
 *  two-byte form, profile 0x100 + 4 application bits (RFC 8285 section 4.3):
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         0x100         |appbits|           length              |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |       ID      |     L=0       |       ID      |     L=1       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |       data    |    0 (pad)    |       ID      |     L=4       |
 *  (L is the length; ID 0 is a padding byte)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class HeaderExtensions {

    static final int ONE_BYTE_PROFILE = 0xBEDE;
    static final int TWO_BYTE_PROFILE = 0x1000;

    private HeaderExtensions() {
    }

    /** Receives one element; returns true to stop the walk. */
    private interface Sink {
        boolean element(int id, int offset, int length);
    }

    static boolean isRfc8285(int profile) {
        return profile == ONE_BYTE_PROFILE || (profile & 0xFFF0) == TWO_BYTE_PROFILE;
    }

    /** Checks that every element of an RFC 8285 block fits; other profiles are opaque and pass. */
    static void validate(byte[] b, int off, int len, int profile) {
        if (isRfc8285(profile)) {
            walk(b, off, len, profile, (id, o, l) -> false);
        }
    }

    /** The first element with {@code id}, or null. */
    static HeaderExtension find(byte[] b, int off, int len, int profile, int id) {
        HeaderExtension[] found = new HeaderExtension[1];
        if (isRfc8285(profile)) {
            walk(b, off, len, profile, (i, o, l) -> {
                if (i == id) {
                    found[0] = new HeaderExtension(i, b, o, l);
                }
                return i == id;
            });
        }
        return found[0];
    }

    static List<HeaderExtension> all(byte[] b, int off, int len, int profile) {
        List<HeaderExtension> all = new ArrayList<>();
        if (isRfc8285(profile)) {
            walk(b, off, len, profile, (i, o, l) -> !all.add(new HeaderExtension(i, b, o, l)));
        }
        return all;
    }

    private static void walk(byte[] b, int off, int len, int profile, Sink sink) {
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        int end = off + len;
        int pos = off;
        while (pos < end) {
            int first = b[pos] & 0xFF;
            if (first == 0) {
                pos++;
                continue;
            }
            // RFC 8285 section 4.2: id 15 ends the block; id 0 is padding only, so 0 with a length ends it too
            if (oneByte && (first >> 4 == 15 || first >> 4 == 0)) {
                return;
            }
            int id = oneByte ? first >> 4 : first;
            int header = oneByte ? 1 : 2;
            int length = oneByte ? (first & 0x0F) + 1 : pos + 1 < end ? b[pos + 1] & 0xFF : -1;
            if (length < 0 || pos + header + length > end) {
                throw new MalformedInputException(RtpMalformed.TRUNCATED_EXTENSION_ELEMENT,
                        "extension element " + id + " at " + (pos - off) + " of " + len);
            }
            if (sink.element(id, pos + header, length)) {
                return;
            }
            pos += header + length;
        }
    }

    /** Bytes the block takes with its 4-byte header, 0 for no elements. */
    static int encodedSize(List<HeaderExtension> elements) {
        if (elements.isEmpty()) {
            return 0;
        }
        int header = oneByteForm(elements) ? 1 : 2;
        int body = 0;
        for (HeaderExtension e : elements) {
            body += header + e.length();
        }
        return 4 + (body + 3) / 4 * 4;
    }

    /** Writes the block (header, elements, zero padding to a word) and returns its size. */
    static int encodeTo(List<HeaderExtension> elements, byte[] out, int at) {
        int size = encodedSize(elements);
        if (size == 0) {
            return 0;
        }
        boolean oneByte = oneByteForm(elements);
        BigEndian.put16(out, at, oneByte ? ONE_BYTE_PROFILE : TWO_BYTE_PROFILE);
        BigEndian.put16(out, at + 2, (size - 4) / 4);
        int pos = at + 4;
        for (HeaderExtension e : elements) {
            if (oneByte) {
                out[pos++] = (byte) (e.id() << 4 | (e.length() - 1));
            } else {
                out[pos++] = (byte) e.id();
                out[pos++] = (byte) e.length();
            }
            System.arraycopy(e.buffer(), e.offset(), out, pos, e.length());
            pos += e.length();
        }
        Arrays.fill(out, pos, at + size, (byte) 0);
        return size;
    }

    private static boolean oneByteForm(List<HeaderExtension> elements) {
        return elements.stream().allMatch(HeaderExtension::fitsOneByteForm);
    }
}
