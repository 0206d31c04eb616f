package dev.freshet.bench.video;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One Low-Latency HLS player on one live stream, reduced to what decides its latency, the way
 * hls.js runs in low-latency mode: it opens a LIVE fMP4 session, reads the master and media
 * playlists and the init segment, then requests the preload-hinted part before it exists (the
 * server holds the request until it does) and, after each part, reloads the playlist blocking on
 * the part after it ({@code _HLS_msn}/{@code _HLS_part}). Parts listed that it has not fetched are
 * fetched first, oldest first. A part is fetched once: its URI is remembered, because a hint may
 * name a resource the playlist lists later at another position (Freshet hints the next segment's
 * first part while a complete segment is still being stored, which RFC 8216bis would place as one
 * more part of that segment), and a second download would count its latency twice.
 *
 * <p>Each part's latency is the end of its download minus the capture time of its earliest video
 * frame, read from its fMP4 times (epoch-based, as the cameras send ABSOLUTE capture times): the
 * glass-to-player delay apart from decoding and display. Errors are counted and the session is
 * opened again.
 *
 * <p>Runs on its own thread; not thread-safe.
 */
final class LlHlsViewer implements Runnable {

    private static final long RETRY_MILLIS = 500;
    private static final long EMPTY_RELOAD_PAUSE_MILLIS = 5;
    /** Far more URIs than a playlist lists parts. */
    private static final int REMEMBERED_URIS = 256;

    private final String stream;
    private final ControlPlane control;
    private final HlsHttp http;
    private final EpochClock clock;
    private final ViewerStats stats;
    private final long untilNanos;

    LlHlsViewer(String stream, ControlPlane control, HlsHttp http, EpochClock clock, ViewerStats stats,
                long untilNanos) {
        this.stream = stream;
        this.control = control;
        this.http = http;
        this.clock = clock;
        this.stats = stats;
        this.untilNanos = untilNanos;
    }

    @Override
    public void run() {
        try {
            while (!over()) {
                try {
                    watch();
                } catch (IOException | RuntimeException e) {
                    stats.error(stream, e);
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() throws IOException, InterruptedException {
        URI media = http.mediaPlaylist(control.liveSession(stream));
        MediaPlaylist playlist = MediaPlaylist.parse(http.text(media));
        while (playlist.mapUri().isEmpty() && !over()) {
            Thread.sleep(RETRY_MILLIS);
            playlist = MediaPlaylist.parse(http.text(media));
        }
        if (playlist.mapUri().isEmpty() || playlist.preloadHint().isEmpty()) {
            return;
        }
        Mp4Times.VideoTrack video = Mp4Times.videoTrack(http.bytes(media.resolve(playlist.mapUri().get())));
        MediaPlaylist.Media hint = playlist.preloadHint().get();
        MediaPlaylist.Media last = new MediaPlaylist.Media(hint.msn(), hint.part() - 1, "");
        Set<String> fetched = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_URIS;
            }
        });
        while (!over()) {
            List<MediaPlaylist.Media> fresh = playlist.partsAfter(last);
            if (fresh.isEmpty()) {
                stats.emptyReload();
                Thread.sleep(EMPTY_RELOAD_PAUSE_MILLIS);
            }
            for (MediaPlaylist.Media part : fresh) {
                if (fetched.add(part.uri())) {
                    fetchPart(media.resolve(part.uri()), video);
                }
                last = part;
            }
            playlist = MediaPlaylist.parse(http.text(URI.create(media + "&_HLS_msn=" + last.msn()
                + "&_HLS_part=" + (last.part() + 1))));
        }
    }

    private void fetchPart(URI uri, Mp4Times.VideoTrack video) throws IOException, InterruptedException {
        byte[] part = http.bytes(uri);
        long downloaded = System.nanoTime();
        OptionalLong captured = Mp4Times.earliestVideoMicros(part, video);
        if (captured.isPresent()) {
            stats.part(downloaded, clock.epochMicros(downloaded) - captured.getAsLong());
        }
    }

    private boolean over() {
        return System.nanoTime() >= untilNanos;
    }
}
