package dev.freshet.fragments.hls;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;

import java.util.List;

/**
 * The stored fragments a playback session (HLS playlist, DASH manifest) lists, as the service
 * chooses them, and what playback needs to know of them:
 * <ul>
 *   <li>LIVE: the newest {@code maxFragments} fragments (NO_FRAGMENTS when none arrived in the last
 *   {@value #LIVE_FRESHNESS_MILLIS} ms and none is being received);</li>
 *   <li>LIVE_REPLAY: from the start time onwards, advancing with the wall clock since the session
 *   began, newest {@code maxFragments};</li>
 *   <li>ON_DEMAND: the fragments in the range, at most {@code maxFragments}.</li>
 * </ul>
 *
 * <p>Reads only the fragment index, except {@link #read}. Stateless; thread-safe.
 */
public final class PlaybackFragments {

    /** LIVE sessions need a fragment this recent (the service's rule). */
    public static final long LIVE_FRESHNESS_MILLIS = 30_000;

    private PlaybackFragments() {
    }

    /**
     * The fragments the session lists now, oldest first.
     *
     * @param receiving whether a fragment of the stream is arriving now (keeps a LIVE session whose
     *                  stored fragments are all older than the freshness limit alive)
     * @throws PlaybackException NO_FRAGMENTS when there are none to list
     */
    public static List<FragmentInfo> select(PlaybackWindow window, FragmentLog log, boolean receiving,
                                            long nowMillis) {
        List<FragmentInfo> chosen = switch (window.mode()) {
            case LIVE -> newest(log, window.maxFragments());
            case LIVE_REPLAY -> replayWindow(window, log, nowMillis);
            case ON_DEMAND -> log.list(window.kind(), window.startMillis(), window.endMillis(), -1,
                window.maxFragments());
        };
        boolean fresh = !chosen.isEmpty()
            && chosen.get(chosen.size() - 1).serverTimestampMillis() >= nowMillis - LIVE_FRESHNESS_MILLIS;
        if (window.mode() == HlsSession.Mode.LIVE ? !fresh && !receiving : chosen.isEmpty()) {
            throw new PlaybackException(PlaybackException.Reason.NO_FRAGMENTS,
                "No fragments found in the stream for the streaming request.");
        }
        return chosen;
    }

    /** A listed fragment's tracks and frames; NOT_FOUND once retention has removed it. */
    public static Fragment read(FragmentLog log, long sequence) {
        return log.read(sequence).orElseThrow(() -> new PlaybackException(PlaybackException.Reason.NOT_FOUND,
            "Fragment " + sequence + " is not in the stream (or no longer retained)."));
    }

    /**
     * The peak bit rate of the fragments: the most bits per second any one of them needs, at least
     * 1 (HLS BANDWIDTH and DASH {@code @bandwidth} must be positive). Fragments of no duration are
     * left out: their rate is undefined.
     */
    public static long peakBitsPerSecond(List<FragmentInfo> fragments) {
        long peak = 1;
        for (FragmentInfo fragment : fragments) {
            if (fragment.durationMillis() > 0) {
                peak = Math.max(peak, fragment.sizeBytes() * 8 * 1000 / fragment.durationMillis());
            }
        }
        return peak;
    }

    private static List<FragmentInfo> newest(FragmentLog log, int max) {
        long latest = log.latest().map(FragmentInfo::sequence).orElse(-1L);
        return log.after(latest - max, max);
    }

    private static List<FragmentInfo> replayWindow(PlaybackWindow window, FragmentLog log, long nowMillis) {
        long played = Math.max(0, nowMillis - window.issuedMillis());
        long until = Math.min(window.endMillis(), window.startMillis() + played + LIVE_FRESHNESS_MILLIS);
        List<FragmentInfo> all = log.list(window.kind(), window.startMillis(), until, -1, Integer.MAX_VALUE);
        return all.subList(Math.max(0, all.size() - window.maxFragments()), all.size());
    }
}
