package dev.freshet.web.video;

import dev.freshet.datastreams.tokens.KeyFile;
import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.archive.FragmentListing;
import dev.freshet.fragments.archive.ImageSampling;
import dev.freshet.fragments.dash.DashTokens;
import dev.freshet.fragments.hls.HlsMedia;
import dev.freshet.fragments.hls.HlsPlaylists;
import dev.freshet.fragments.hls.SessionTokens;
import dev.freshet.fragments.images.ImageExtractor;
import dev.freshet.fragments.images.JcodecLogging;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.server.PathRoute;
import io.undertow.Handlers;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Kinesis Video Streams data plane on this server: PutMedia and GetMedia (the media API),
 * ListFragments, GetMediaForFragmentList, GetClip, GetImages and the streaming-session URLs (the
 * archived-media API), and the HLS and DASH resources those URLs point at. All share the streams' live
 * edges (what LL-HLS serves before a fragment is stored) and one timer for ticks and waits.
 *
 * <p>Thread-safe.
 */
public final class VideoMediaPlane implements VideoDataPlane {

    /** Request-metric labels of the two data-plane APIs. */
    public static final String MEDIA_SERVICE = "kinesisvideo-media";
    public static final String ARCHIVED_MEDIA_SERVICE = "kinesisvideo-archived-media";
    /**
     * LL-HLS part length: three parts (the player's hold-back) fit in about a second; a third of a
     * second rounded up, so ten frames at 29.97 fps and eight at 24 fps fill a part.
     */
    static final long PART_TARGET_MICROS = 334_000;
    /**
     * Recently served playback media kept in memory: an eighth of the heap, at most 256 MiB — the
     * newest segments and parts of a few hundred 2 Mb/s live streams.
     */
    static final long SEGMENT_CACHE_BYTES = Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
    /** How long a blocking playlist reload or a preload-hinted part may wait. */
    static final long LIVE_WAIT_MILLIS = 10_000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "freshet-video-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final LiveEdges edges;

    /** @param edges the streams' live edges, shared with other producers (WHIP) */
    VideoMediaPlane(LiveEdges edges) {
        this.edges = edges;
    }

    @Override
    public List<PathRoute> routes(VideoModuleContext context) {
        JcodecLogging.routeToSlf4j();
        InstantSource clock = InstantSource.system();
        VideoStreams streams = context.streams();
        SealedTokens tokens = tokens(context);
        HlsPlaylists playlists = new HlsPlaylists(PART_TARGET_MICROS);
        SessionTokens hlsTokens = new SessionTokens(tokens);

        List<PathRoute> routes = new ArrayList<>();
        routes.add(PathRoute.exact(MEDIA_SERVICE, "/putMedia",
            Handlers.httpContinueRead(new PutMediaHandler(streams, edges, timer, clock))));
        routes.add(PathRoute.exact(MEDIA_SERVICE, "/getMedia",
            new MediaEndpoint("GetMedia", DataPlaneInputs.GET_MEDIA, new GetMediaAction(streams, timer, clock))));
        RestJsonRoutes archived = new RestJsonRoutes(ARCHIVED_MEDIA_SERVICE);
        new ArchivedMediaOperations(streams, new FragmentListing(tokens),
            new ImageSampling(new ImageExtractor(), tokens)).register(archived);
        DashTokens dashTokens = new DashTokens(tokens);
        new StreamingSessions(streams, edges, hlsTokens, dashTokens, playlists, clock,
            (int) context.module().config().playbackSessionMinExpires().toSeconds()).register(archived);
        routes.addAll(archived.routes());
        routes.addAll(new ArchivedMediaDownloads(streams).routes(ARCHIVED_MEDIA_SERVICE));
        PlaybackStreams playback = new PlaybackStreams(streams, edges);
        SegmentCache cache = new SegmentCache(SEGMENT_CACHE_BYTES);
        routes.add(PathRoute.under(ARCHIVED_MEDIA_SERVICE, HlsResources.PREFIX, new HlsResources(playback, hlsTokens,
            playlists, new HlsMedia(edges.plan()), cache, new LiveWait(timer, clock, LIVE_WAIT_MILLIS), clock)));
        routes.add(PathRoute.under(ARCHIVED_MEDIA_SERVICE, DashResources.PREFIX,
            new DashResources(playback, dashTokens, cache, clock)));
        return routes;
    }

    /** Tokens sealed with a key kept beside the video metadata, so URLs and NextTokens outlive restarts. */
    private static SealedTokens tokens(VideoModuleContext context) {
        return KeyFile.tokens(context.module().config().absoluteDataDir().resolve("kinesisvideo").resolve("token.key"));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
