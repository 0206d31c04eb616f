package dev.freshet.fragments.ts;

import java.util.HashMap;
import java.util.Map;

/**
 * What consecutive MPEG-TS segments of one playback session share: the 4-bit continuity counter of
 * every PID (ISO/IEC 13818-1 2.4.3.3), so a player that appends segment after segment sees no
 * discontinuity, and the largest decode-time shift each track has needed (see
 * {@link dev.freshet.fragments.mp4.TrackTimeline}), which only grows, so that a stream that reorders
 * deeper than the usual allowance keeps one shift from then on.
 *
 * <p>A fresh session starts every counter at 0 and every shift at 0. Not thread-safe: one session
 * per player session, used by one request at a time.
 */
public final class TsSession {

    private final Map<Integer, Integer> continuity = new HashMap<>();
    private final Map<Integer, Long> decodeShifts = new HashMap<>();

    /** The counter for the next packet with payload on {@code pid}, then advances it modulo 16. */
    int nextContinuityCounter(int pid) {
        int counter = continuity.getOrDefault(pid, 0);
        continuity.put(pid, (counter + 1) & 0xF);
        return counter;
    }

    long decodeShift(int trackNumber) {
        return decodeShifts.getOrDefault(trackNumber, 0L);
    }

    void decodeShift(int trackNumber, long ticks) {
        decodeShifts.merge(trackNumber, ticks, Math::max);
    }
}
