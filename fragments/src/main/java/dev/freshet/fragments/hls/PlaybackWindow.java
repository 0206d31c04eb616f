package dev.freshet.fragments.hls;

import dev.freshet.fragments.store.TimestampKind;

/**
 * What decides which stored fragments a playback session (HLS or DASH) lists: its mode, the clock
 * and range of its fragment selector, how many fragments at most, and when it began. Session
 * records implement it with their own fields, so {@link PlaybackFragments#select} serves both.
 */
public interface PlaybackWindow {

    /** LIVE, LIVE_REPLAY or ON_DEMAND: the same three modes for HLS and DASH. */
    HlsSession.Mode mode();

    /** Which clock the range uses. */
    TimestampKind kind();

    /** Range start (inclusive), or {@link Long#MIN_VALUE}. */
    long startMillis();

    /** Range end (inclusive), or {@link Long#MAX_VALUE}. */
    long endMillis();

    /** The most fragments one playlist or manifest lists. */
    int maxFragments();

    /** When the session started: LIVE_REPLAY advances from then. */
    long issuedMillis();
}
