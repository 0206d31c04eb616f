package dev.freshet.web.video;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single {@code Range: bytes=…} request (RFC 9110 §14) resolved against a resource's length.
 * Players ask for one range at a time; a multi-range request is answered with the whole resource,
 * which the RFC allows (a server may ignore Range).
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** What a Range header asks of a resource of {@code length} bytes. */
    sealed interface Request {
    }

    /** No usable range: send everything with 200. */
    record Whole() implements Request {
    }

    /** Send this part with 206. */
    record Part(ByteRange range) implements Request {
    }

    /** Nothing of the resource lies in the range: 416. */
    record Unsatisfiable() implements Request {
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    static Request of(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Whole();
        }
        Optional<Long> start = number(m.group(1));
        Optional<Long> end = number(m.group(2));
        if (start.isEmpty()) {
            long suffix = end.get();
            if (suffix == 0 || length == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        long first = start.get();
        if (end.isPresent() && end.get() < first) {
            return new Whole();
        }
        if (first >= length) {
            return new Unsatisfiable();
        }
        long last = end.map(e -> Math.min(e, length - 1)).orElse(length - 1);
        return new Part(new ByteRange(first, last));
    }

    /** A decimal that fits a long; digits beyond that mean "past any end". */
    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        if (digits.length() > 18) {
            return Optional.of(Long.MAX_VALUE);
        }
        return Optional.of(Long.parseLong(digits));
    }
}
