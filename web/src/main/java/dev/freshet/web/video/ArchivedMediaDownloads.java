package dev.freshet.web.video;

import dev.freshet.fragments.archive.Clips;
import dev.freshet.fragments.archive.MediaChunks;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.server.PathRoute;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GetClip (one plain MP4 of a time range) and GetMediaForFragmentList (the listed fragments as
 * Matroska chunks with the service's tags): archived media as a download, written on a worker
 * thread straight to the response.
 *
 * <p>Thread-safe.
 */
final class ArchivedMediaDownloads {

    private final VideoStreams streams;

    ArchivedMediaDownloads(VideoStreams streams) {
        this.streams = streams;
    }

    List<PathRoute> routes(String service) {
        return List.of(
            PathRoute.exact(service, "/getClip", new MediaEndpoint("GetClip", DataPlaneInputs.GET_CLIP, this::clip)),
            PathRoute.exact(service, "/getMediaForFragmentList", new MediaEndpoint("GetMediaForFragmentList",
                DataPlaneInputs.GET_MEDIA_FOR_FRAGMENT_LIST, this::fragmentList)));
    }

    private void clip(RestJsonCall call, HttpServerExchange exchange) throws IOException {
        ResolvedStream stream = streams.resolve(call.streamRef());
        if (stream.retentionHours() == 0) {
            throw VideoErrorType.NO_DATA_RETENTION.exception("The stream does not retain data, so it has no clips.");
        }
        Input selector = call.structure("ClipFragmentSelector").orElseThrow();
        FragmentLog log = streams.fragments(stream);
        List<FragmentInfo> fragments = Clips.select(log, TimestampRanges.selector(
            selector.string("FragmentSelectorType").orElseThrow(), selector.structure("TimestampRange").orElseThrow()));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "video/mp4");
        exchange.startBlocking();
        try (OutputStream out = exchange.getOutputStream()) {
            Clips.write(log, fragments, out);
        }
        exchange.endExchange();
    }

    private void fragmentList(RestJsonCall call, HttpServerExchange exchange) throws IOException {
        ResolvedStream stream = streams.resolve(call.streamRef());
        FragmentLog log = streams.fragments(stream);
        PlaybackStreams.Playback playback = new PlaybackStreams.Playback(stream, log, null);
        List<FragmentInfo> fragments = new ArrayList<>();
        for (String number : call.input().strings("Fragments")) {
            fragments.add(log.info(playback.sequenceOf(number)).orElseThrow(() ->
                VideoErrorType.RESOURCE_NOT_FOUND.exception("Fragment %s is not in the stream.", number)));
        }
        long latest = log.latest().map(FragmentInfo::serverTimestampMillis).orElse(0L);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, MediaChunks.CONTENT_TYPE);
        exchange.startBlocking();
        try (OutputStream out = exchange.getOutputStream()) {
            for (FragmentInfo info : fragments) {
                Fragment fragment = log.read(info.sequence()).orElse(null);
                if (fragment != null) {
                    out.write(MediaChunks.chunk(info, fragment, latest, false));
                }
            }
        }
        exchange.endExchange();
    }
}
