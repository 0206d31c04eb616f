package dev.freshet.fragments.hls;

import dev.freshet.fragments.store.TimestampKind;

/**
 * What a GetHLSStreamingSessionURL call fixed for a playback session; carried, sealed, in the
 * session token of every playlist and segment URL ({@link SessionTokens}). DASH sessions have their
 * own record and share {@link Mode} and the fragment selection ({@link PlaybackWindow}).
 *
 * @param streamId        internal id of the video stream (a re-created stream does not match)
 * @param streamName      its name, to find it again
 * @param mode            LIVE, LIVE_REPLAY or ON_DEMAND
 * @param container       FRAGMENTED_MP4 or MPEG_TS
 * @param kind            which clock the selector's range uses
 * @param startMillis     range start (inclusive), or {@link Long#MIN_VALUE}
 * @param endMillis       range end (inclusive), or {@link Long#MAX_VALUE}
 * @param discontinuity   ALWAYS, NEVER or ON_DISCONTINUITY
 * @param displayTimestamp whether playlists carry {@code #EXT-X-PROGRAM-DATE-TIME}
 * @param maxFragments    MaxMediaPlaylistFragmentResults
 * @param issuedMillis    when the session started (LIVE_REPLAY advances from then)
 * @param expiresMillis   when the session ends
 */
public record HlsSession(String streamId, String streamName, Mode mode, Container container, TimestampKind kind, long startMillis,
                         long endMillis, Discontinuity discontinuity, boolean displayTimestamp, int maxFragments,
                         long issuedMillis, long expiresMillis) implements PlaybackWindow {

    public enum Mode { LIVE, LIVE_REPLAY, ON_DEMAND }

    public enum Container { FRAGMENTED_MP4, MPEG_TS }

    public enum Discontinuity { ALWAYS, NEVER, ON_DISCONTINUITY }
}
