package dev.freshet.web.video;

import dev.freshet.fragments.archive.FragmentSelector;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.web.protocol.Input;

/**
 * Reads the archived-media API's fragment selectors: a {@code *_TIMESTAMP} selector type and a
 * {@code TimestampRange} whose ends may be optional (HLS/DASH) or required (ListFragments, GetClip).
 *
 * <p>Stateless; thread-safe.
 */
final class TimestampRanges {

    private TimestampRanges() {
    }

    /** PRODUCER_TIMESTAMP or SERVER_TIMESTAMP (already validated against the model). */
    static TimestampKind kind(String selectorType) {
        return "PRODUCER_TIMESTAMP".equals(selectorType) ? TimestampKind.PRODUCER : TimestampKind.SERVER;
    }

    /** A selector over {@code range}; a missing end is open; the start must not be after the end. */
    static FragmentSelector selector(String selectorType, Input range) {
        long start = range.timestamp("StartTimestamp").map(t -> t.toEpochMilli()).orElse(Long.MIN_VALUE);
        long end = range.timestamp("EndTimestamp").map(t -> t.toEpochMilli()).orElse(Long.MAX_VALUE);
        if (start > end) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("The StartTimestamp must not be after the EndTimestamp.");
        }
        return new FragmentSelector(kind(selectorType), start, end);
    }
}
