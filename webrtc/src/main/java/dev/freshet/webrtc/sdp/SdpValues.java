package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;

/** Number and token parsing shared by the attribute parsers; every failure is a {@link MalformedInputException}. */
final class SdpValues {

    private static final int MAX_QUOTED = 80;

    private SdpValues() {
    }

    /** Whitespace-separated fields of a value; RFC 8866 says one space, peers sometimes send more. */
    static String[] fields(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("[ \\t]+");
    }

    /** At most {@code limit} fields; the last one holds the rest of the value, stripped. */
    static String[] fields(String value, int limit) {
        String[] f = value.strip().split("[ \\t]+", limit);
        if (f.length == limit) {
            f[limit - 1] = f[limit - 1].strip();
        }
        return f;
    }

    static int parseInt(String text, int min, int max, SdpMalformed reason, String what) {
        return (int) parseLong(text, min, max, reason, what);
    }

    static long parseLong(String text, long min, long max, SdpMalformed reason, String what) {
        // Long.parseLong accepts a leading '+', which no SDP number has
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(reason, what + " is not a number: " + quote(text));
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw malformed(reason, what + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static MalformedInputException malformed(MalformedInputException.Reason reason, String detail) {
        return new MalformedInputException(reason, detail);
    }

    /** Peer text for an exception detail, cut short so a hostile offer cannot flood the log. */
    static String quote(String text) {
        String cut = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
