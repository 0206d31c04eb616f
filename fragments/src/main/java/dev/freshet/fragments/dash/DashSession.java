package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.PlaybackWindow;
import dev.freshet.fragments.store.TimestampKind;

/**
 * What a GetDASHStreamingSessionURL call fixed for a playback session; carried, sealed, in the
 * session token of the manifest and segment URLs ({@link DashTokens}).
 *
 * @param streamId                 internal id of the video stream (a re-created stream does not match)
 * @param streamName               its name, to find it again
 * @param mode                     LIVE, LIVE_REPLAY or ON_DEMAND: HLS's modes, selecting fragments alike
 * @param kind                     which clock the selector's range uses (DASHFragmentSelector's type)
 * @param startMillis              range start (inclusive), or {@link Long#MIN_VALUE}
 * @param endMillis                range end (inclusive), or {@link Long#MAX_VALUE}
 * @param displayFragmentTimestamp DisplayFragmentTimestamp ALWAYS: each segment carries {@code kvs:ts}
 * @param displayFragmentNumber    DisplayFragmentNumber ALWAYS: each segment carries {@code kvs:fn}
 * @param maxFragments             MaxManifestFragmentResults
 * @param issuedMillis             when the session started (LIVE_REPLAY advances from then)
 * @param expiresMillis            when the session ends
 */
public record DashSession(String streamId, String streamName, HlsSession.Mode mode, TimestampKind kind,
                          long startMillis, long endMillis, boolean displayFragmentTimestamp,
                          boolean displayFragmentNumber, int maxFragments, long issuedMillis, long expiresMillis)
    implements PlaybackWindow {

    /** MaxManifestFragmentResults when the request leaves it out: 5 for LIVE and LIVE_REPLAY, 1,000 for ON_DEMAND. */
    public static int defaultMaxFragments(HlsSession.Mode mode) {
        return mode == HlsSession.Mode.ON_DEMAND ? 1000 : 5;
    }
}
