package dev.freshet.webrtc.rtcp;

import java.util.Collection;

/**
 * Range checks for the fields of packets built to send: a value that does not fit its wire field
 * is a caller's bug, so it raises {@link IllegalArgumentException}, never a malformed-input error.
 *
 * <p>Stateless; thread-safe.
 */
final class FieldChecks {

    private FieldChecks() {
    }

    static void bits(long value, int bits, String what) {
        if (value >>> bits != 0) {
            throw new IllegalArgumentException(what + " " + value + " does not fit " + bits + " bits");
        }
    }

    static void u32s(Collection<Long> values, int maxCount, String what) {
        if (values.size() > maxCount) {
            throw new IllegalArgumentException(values.size() + " " + what + ", at most " + maxCount);
        }
        values.forEach(v -> bits(v, 32, what));
    }

    static void count(Collection<?> values, int maxCount, String what) {
        if (values.size() > maxCount) {
            throw new IllegalArgumentException(values.size() + " " + what + ", at most " + maxCount);
        }
    }
}
