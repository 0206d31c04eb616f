package dev.freshet.datastreams.log.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The segments of one log in base-sequence order, as an immutable array swapped on change
 * (copy-on-write), so readers take a snapshot without locking. Never empty once the log is open:
 * the last segment is the active one and its base records where numbering continues.
 *
 * <p>Thread-safe; changes are made by the log's single writer or the retention cleaner under the
 * log's write lock.
 */
final class SegmentList {

    private volatile Segment[] segments;

    SegmentList(List<Segment> initial) {
        this.segments = initial.toArray(new Segment[0]);
    }

    Segment[] snapshot() {
        return segments;
    }

    Segment active() {
        Segment[] s = segments;
        return s[s.length - 1];
    }

    Segment first() {
        return segments[0];
    }

    void add(Segment segment) {
        Segment[] s = segments;
        Segment[] grown = Arrays.copyOf(s, s.length + 1);
        grown[s.length] = segment;
        segments = grown;
    }

    /** Drops the oldest {@code n} segments (never the active one). */
    void dropOldest(int n) {
        Segment[] s = segments;
        segments = Arrays.copyOfRange(s, Math.min(n, s.length - 1), s.length);
    }

    /** Index in {@code snapshot} of the segment holding {@code sequence}: last with base <= sequence, or 0. */
    static int floor(Segment[] snapshot, long sequence) {
        int lo = 0;
        int hi = snapshot.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (snapshot[mid].baseSequence() <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Math.max(hi, 0);
    }
}
