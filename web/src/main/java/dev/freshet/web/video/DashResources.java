package dev.freshet.web.video;

import dev.freshet.fragments.dash.DashManifests;
import dev.freshet.fragments.dash.DashMedia;
import dev.freshet.fragments.dash.DashSession;
import dev.freshet.fragments.dash.DashTokens;
import dev.freshet.fragments.dash.DashUris;
import dev.freshet.fragments.hls.HlsUris;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.video.VideoErrorType;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.time.InstantSource;

/**
 * The resources of DASH sessions under {@code /dash/v1/}: the MPD manifest and, per track, fMP4
 * init and media segments ({@code TrackNumber}), each checked against its sealed session token.
 * Segments are muxed on worker threads, once while they stay in the {@link SegmentCache}.
 *
 * <p>Thread-safe.
 */
final class DashResources implements HttpHandler {

    static final String PREFIX = "/dash/v1/";
    static final String MANIFEST_TYPE = "application/dash+xml";

    private final PlaybackStreams streams;
    private final DashTokens tokens;
    private final SegmentCache cache;
    private final InstantSource clock;

    DashResources(PlaybackStreams streams, DashTokens tokens, SegmentCache cache, InstantSource clock) {
        this.streams = streams;
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        PlaybackResponses.admitAndDispatch(exchange, () -> serve(exchange));
    }

    private void serve(HttpServerExchange exchange) {
        try {
            String token = PlaybackQuery.string(exchange, "SessionToken");
            DashSession session = PlaybackQuery.session(exchange, t -> tokens.open(t, clock.millis()));
            PlaybackStreams.Playback playback = streams.open(session.streamId(), session.streamName());
            String resource = exchange.getRequestPath().substring(PREFIX.length());
            switch (resource) {
                case DashUris.MANIFEST -> PlaybackResponses.document(exchange,
                    DashManifests.manifest(session, token, playback.log(), clock.millis()), MANIFEST_TYPE);
                case HlsUris.INIT -> segment(exchange, playback, resource, DashMedia::init);
                case HlsUris.MP4_FRAGMENT -> segment(exchange, playback, resource, DashMedia::mediaSegment);
                default -> throw VideoErrorType.RESOURCE_NOT_FOUND.exception("No such DASH resource: %s", resource);
            }
        } catch (RuntimeException e) {
            PlaybackResponses.fail(exchange, e);
        }
    }

    /** How one track's segment is muxed from a stored fragment. */
    @FunctionalInterface
    private interface TrackSegment {
        byte[] mux(FragmentLog log, long sequence, int trackNumber);
    }

    private void segment(HttpServerExchange exchange, PlaybackStreams.Playback playback, String resource,
                         TrackSegment muxer) {
        long sequence = playback.sequenceOf(PlaybackQuery.string(exchange, "FragmentNumber"));
        Long track = PlaybackQuery.number(exchange, DashUris.TRACK_NUMBER);
        if (track == null || track < 1 || track > Integer.MAX_VALUE) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("%s must name a track.", DashUris.TRACK_NUMBER);
        }
        int trackNumber = track.intValue();
        SegmentCache.Key key = new SegmentCache.Key(playback.stream().id(), PREFIX + resource, sequence, trackNumber);
        PlaybackResponses.media(exchange, cache.get(key, () -> muxer.mux(playback.log(), sequence, trackNumber)),
            HlsResources.MP4_TYPE);
    }
}
