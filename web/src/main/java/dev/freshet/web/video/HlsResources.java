package dev.freshet.web.video;

import dev.freshet.fragments.hls.HlsMedia;
import dev.freshet.fragments.hls.HlsPlaylists;
import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.HlsUris;
import dev.freshet.fragments.hls.MasterPlaylistWriter;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.hls.SessionTokens;
import dev.freshet.fragments.video.VideoErrorType;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.time.InstantSource;
import java.util.List;

/**
 * The resources of HLS sessions under {@code /hls/v1/}: master and media playlists (the media
 * playlist with LL-HLS blocking reloads, {@code _HLS_msn}/{@code _HLS_part}), fMP4 init segments,
 * fMP4 and TS media segments and LL-HLS parts, each checked against its sealed session token.
 * Playlist waits hold no thread ({@link LiveWait}); muxing runs on worker threads, once per fMP4
 * resource while it stays in the {@link SegmentCache}.
 *
 * <p>Thread-safe.
 */
final class HlsResources implements HttpHandler {

    static final String PREFIX = "/hls/v1/";
    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String MP4_TYPE = "video/mp4";
    static final String TS_TYPE = "video/mp2t";

    private final PlaybackStreams streams;
    private final SessionTokens tokens;
    private final HlsPlaylists playlists;
    private final HlsMedia media;
    private final SegmentCache cache;
    private final LiveWait waits;
    private final InstantSource clock;

    HlsResources(PlaybackStreams streams, SessionTokens tokens, HlsPlaylists playlists, HlsMedia media,
                 SegmentCache cache, LiveWait waits, InstantSource clock) {
        this.streams = streams;
        this.tokens = tokens;
        this.playlists = playlists;
        this.media = media;
        this.cache = cache;
        this.waits = waits;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        PlaybackResponses.admitAndDispatch(exchange, () -> serve(exchange));
    }

    private void serve(HttpServerExchange exchange) {
        try {
            String token = PlaybackQuery.string(exchange, "SessionToken");
            HlsSession session = PlaybackQuery.session(exchange, t -> tokens.open(t, clock.millis()));
            PlaybackStreams.Playback playback = streams.open(session.streamId(), session.streamName());
            String resource = exchange.getRequestPath().substring(PREFIX.length());
            switch (resource) {
                case HlsUris.MASTER -> PlaybackResponses.document(exchange, master(session, token, playback),
                    PLAYLIST_TYPE);
                case HlsUris.MEDIA -> mediaPlaylist(exchange, session, token, playback);
                case HlsUris.INIT -> requireContainer(session, HlsSession.Container.FRAGMENTED_MP4, () -> {
                    long sequence = playback.sequenceOf(PlaybackQuery.string(exchange, "FragmentNumber"));
                    PlaybackResponses.media(exchange, cache.get(key(playback, resource, sequence, 0),
                        () -> media.init(playback.log(), sequence)), MP4_TYPE);
                });
                case HlsUris.MP4_FRAGMENT -> requireContainer(session, HlsSession.Container.FRAGMENTED_MP4, () -> {
                    long sequence = playback.sequenceOf(PlaybackQuery.string(exchange, "FragmentNumber"));
                    PlaybackResponses.media(exchange, cache.get(key(playback, resource, sequence, 0),
                        () -> media.mp4Segment(playback.log(), sequence)), MP4_TYPE);
                });
                case HlsUris.TS_FRAGMENT -> requireContainer(session, HlsSession.Container.MPEG_TS, () ->
                    PlaybackResponses.media(exchange, media.tsSegment(playback.log(),
                        playback.sequenceOf(PlaybackQuery.string(exchange, "FragmentNumber")), token), TS_TYPE));
                case HlsUris.MP4_PART -> requireContainer(session, HlsSession.Container.FRAGMENTED_MP4, () ->
                    part(exchange, playback));
                default -> throw VideoErrorType.RESOURCE_NOT_FOUND.exception("No such HLS resource: %s", resource);
            }
        } catch (RuntimeException e) {
            PlaybackResponses.fail(exchange, e);
        }
    }

    /**
     * The master playlist describes the stored fragments; a LIVE session whose first fragment is still
     * being recorded gets a variant without codecs until one is stored.
     */
    private String master(HlsSession session, String token, PlaybackStreams.Playback playback) {
        try {
            return playlists.masterPlaylist(session, token, playback.log(), clock.millis());
        } catch (PlaybackException e) {
            boolean recordingFirst = e.reason() == PlaybackException.Reason.NO_FRAGMENTS
                && session.mode() == HlsSession.Mode.LIVE && playback.edge().snapshot().receiving();
            if (!recordingFirst) {
                throw e;
            }
            return MasterPlaylistWriter.write(1, List.of(), 0, 0, HlsUris.media(token), false);
        }
    }

    /** The media playlist, once it holds the segment or part a blocking reload asks for. */
    private void mediaPlaylist(HttpServerExchange exchange, HlsSession session, String token,
                               PlaybackStreams.Playback playback) {
        Long msn = PlaybackQuery.number(exchange, "_HLS_msn");
        Long part = PlaybackQuery.number(exchange, "_HLS_part");
        Runnable answer = () -> PlaybackResponses.document(exchange,
            playlists.mediaPlaylist(session, token, playback.log(), playback.edge(), clock.millis()), PLAYLIST_TYPE);
        if (msn == null) {
            answer.run();
            return;
        }
        if (msn > LiveWait.newestSequence(playback) + 2) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("_HLS_msn %d is too far ahead of the live edge.", msn);
        }
        waits.until(exchange, playback, () -> LiveWait.holds(playback, msn, part == null ? -1 : part.intValue()),
            answer, e -> PlaybackResponses.fail(exchange, e));
    }

    /** An LL-HLS part, waiting for it when it is the one being recorded (a preload hint). */
    private void part(HttpServerExchange exchange, PlaybackStreams.Playback playback) {
        Long sequence = PlaybackQuery.number(exchange, "MediaSequence");
        Long index = PlaybackQuery.number(exchange, "Part");
        if (sequence == null || index == null || index < 0 || index > Integer.MAX_VALUE) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("MediaSequence and Part are required.");
        }
        if (sequence > LiveWait.newestSequence(playback) + 1) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("Part %d of segment %d does not exist.", index, sequence);
        }
        waits.until(exchange, playback, () -> LiveWait.holds(playback, sequence, index.intValue()),
            () -> PlaybackResponses.media(exchange, cache.get(key(playback, HlsUris.MP4_PART, sequence,
                index.intValue()), () -> media.mp4Part(playback.log(), playback.edge(), sequence, index.intValue())),
                MP4_TYPE), e -> PlaybackResponses.fail(exchange, e));
    }

    private static SegmentCache.Key key(PlaybackStreams.Playback playback, String resource, long sequence, int part) {
        return new SegmentCache.Key(playback.stream().id(), resource, sequence, part);
    }

    private static void requireContainer(HlsSession session, HlsSession.Container container, Runnable serve) {
        if (session.container() != container) {
            throw VideoErrorType.RESOURCE_NOT_FOUND.exception("This session serves %s, not this resource.",
                session.container());
        }
        serve.run();
    }
}
