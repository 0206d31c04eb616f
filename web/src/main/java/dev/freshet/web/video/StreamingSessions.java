package dev.freshet.web.video;

import dev.freshet.fragments.archive.FragmentSelector;
import dev.freshet.fragments.dash.DashSession;
import dev.freshet.fragments.dash.DashTokens;
import dev.freshet.fragments.dash.DashUris;
import dev.freshet.fragments.hls.HlsPlaylists;
import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.HlsUris;
import dev.freshet.fragments.hls.PlaybackFragments;
import dev.freshet.fragments.hls.SessionTokens;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * GetHLSStreamingSessionURL and GetDASHStreamingSessionURL: check the request as the service does,
 * fix the session's defaults, make sure the stream has something to play, and answer a URL of this
 * server's {@link HlsResources} or {@link DashResources} carrying the sealed session.
 *
 * <p>Thread-safe.
 */
final class StreamingSessions {

    static final int DEFAULT_EXPIRES_SECONDS = 300;
    static final int MAX_EXPIRES_SECONDS = 43_200;
    static final int LIVE_MAX_FRAGMENTS = 5;
    static final int ON_DEMAND_MAX_FRAGMENTS = 1000;
    /** The service's longest ON_DEMAND range. */
    static final long MAX_ON_DEMAND_MILLIS = 24L * 3600 * 1000;

    private final VideoStreams streams;
    private final LiveEdges edges;
    private final SessionTokens hlsTokens;
    private final DashTokens dashTokens;
    private final HlsPlaylists playlists;
    private final InstantSource clock;
    private final int minExpiresSeconds;

    StreamingSessions(VideoStreams streams, LiveEdges edges, SessionTokens hlsTokens, DashTokens dashTokens,
                      HlsPlaylists playlists, InstantSource clock, int minExpiresSeconds) {
        this.dashTokens = dashTokens;
        this.minExpiresSeconds = minExpiresSeconds;
        this.streams = streams;
        this.edges = edges;
        this.hlsTokens = hlsTokens;
        this.playlists = playlists;
        this.clock = clock;
    }

    void register(RestJsonRoutes routes) {
        routes.add("GetHLSStreamingSessionURL", "/getHLSStreamingSessionURL",
            DataPlaneInputs.GET_HLS_STREAMING_SESSION_URL, this::hls);
        routes.add("GetDASHStreamingSessionURL", "/getDASHStreamingSessionURL",
            DataPlaneInputs.GET_DASH_STREAMING_SESSION_URL, this::dash);
    }

    private void hls(RestJsonCall call, OutputWriter out) {
        ResolvedStream stream = streams.resolve(call.streamRef());
        Input in = call.input();
        HlsSession.Mode mode = HlsSession.Mode.valueOf(in.string("PlaybackMode").orElse("LIVE"));
        FragmentSelector range = range(mode == HlsSession.Mode.LIVE, mode == HlsSession.Mode.ON_DEMAND,
            call.structure("HLSFragmentSelector"), stream);
        long now = clock.millis();
        int maxFragments = in.longInteger("MaxMediaPlaylistFragmentResults").map(Long::intValue)
            .orElse(mode == HlsSession.Mode.ON_DEMAND ? ON_DEMAND_MAX_FRAGMENTS : LIVE_MAX_FRAGMENTS);
        HlsSession session = new HlsSession(stream.id(), stream.name(), mode,
            HlsSession.Container.valueOf(in.string("ContainerFormat").orElse("FRAGMENTED_MP4")), range.kind(),
            range.startMillis(), range.endMillis(),
            HlsSession.Discontinuity.valueOf(in.string("DiscontinuityMode").orElse("ALWAYS")),
            "ALWAYS".equals(in.string("DisplayFragmentTimestamp").orElse("NEVER")), maxFragments, now,
            now + 1000L * expires(in));
        FragmentLog log = streams.fragments(stream);
        List<FragmentInfo> listed = playlists.select(session, log, edges.edge(stream.id()).snapshot().receiving(), now);
        PlayableTracks.check(log, listed);
        out.string("HLSStreamingSessionURL",
            call.baseUrl() + HlsResources.PREFIX + HlsUris.master(hlsTokens.issue(session)));
    }

    private void dash(RestJsonCall call, OutputWriter out) {
        ResolvedStream stream = streams.resolve(call.streamRef());
        Input in = call.input();
        HlsSession.Mode mode = HlsSession.Mode.valueOf(in.string("PlaybackMode").orElse("LIVE"));
        FragmentSelector range = range(mode == HlsSession.Mode.LIVE, mode == HlsSession.Mode.ON_DEMAND,
            call.structure("DASHFragmentSelector"), stream);
        long now = clock.millis();
        int maxFragments = in.longInteger("MaxManifestFragmentResults").map(Long::intValue)
            .orElse(DashSession.defaultMaxFragments(mode));
        DashSession session = new DashSession(stream.id(), stream.name(), mode, range.kind(), range.startMillis(),
            range.endMillis(), "ALWAYS".equals(in.string("DisplayFragmentTimestamp").orElse("NEVER")),
            "ALWAYS".equals(in.string("DisplayFragmentNumber").orElse("NEVER")), maxFragments, now,
            now + 1000L * expires(in));
        FragmentLog log = streams.fragments(stream);
        // A DASH manifest lists stored fragments only: a LIVE session needs one in the last 30 seconds.
        List<FragmentInfo> listed = PlaybackFragments.select(session, log, false, now);
        PlayableTracks.check(log, listed);
        out.string("DASHStreamingSessionURL",
            call.baseUrl() + DashResources.PREFIX + DashUris.manifest(dashTokens.issue(session)));
    }

    private int expires(Input in) {
        int expires = in.integer("Expires").orElse(Math.max(DEFAULT_EXPIRES_SECONDS, minExpiresSeconds));
        if (expires < minExpiresSeconds || expires > MAX_EXPIRES_SECONDS) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("Expires must be between %d and %d seconds.",
                minExpiresSeconds, MAX_EXPIRES_SECONDS);
        }
        return expires;
    }

    /**
     * The session's range, checked per mode: LIVE takes no range (retention 0 allows LIVE only),
     * LIVE_REPLAY needs a start, ON_DEMAND a start and an end at most 24 hours apart.
     */
    private static FragmentSelector range(boolean live, boolean onDemand, Optional<Input> selector,
                                          ResolvedStream stream) {
        if (!live && stream.retentionHours() == 0) {
            throw VideoErrorType.NO_DATA_RETENTION.exception(
                "The stream does not retain data: only LIVE playback is available.");
        }
        String type = selector.flatMap(s -> s.string("FragmentSelectorType")).orElse("SERVER_TIMESTAMP");
        Optional<Input> timestamps = selector.flatMap(s -> s.structure("TimestampRange"));
        if (live) {
            if (timestamps.isPresent()) {
                throw VideoErrorType.INVALID_ARGUMENT.exception("A LIVE session takes no TimestampRange.");
            }
            return new FragmentSelector(TimestampRanges.kind(type), Long.MIN_VALUE, Long.MAX_VALUE);
        }
        Input bounds = timestamps.orElseThrow(() -> VideoErrorType.INVALID_ARGUMENT.exception(
            "A TimestampRange with a StartTimestamp is required for LIVE_REPLAY and ON_DEMAND sessions."));
        if (!bounds.has("StartTimestamp") || onDemand && !bounds.has("EndTimestamp")) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(onDemand
                ? "An ON_DEMAND session needs both StartTimestamp and EndTimestamp."
                : "A LIVE_REPLAY session needs a StartTimestamp.");
        }
        FragmentSelector range = TimestampRanges.selector(type, bounds);
        if (onDemand && range.endMillis() - range.startMillis() > MAX_ON_DEMAND_MILLIS) {
            throw VideoErrorType.INVALID_ARGUMENT.exception(
                "The EndTimestamp must be within 24 hours of the StartTimestamp.");
        }
        return range;
    }
}
