package dev.freshet.fragments.images;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes GetImages pictures from one fragment: decodes its H.264 keyframe and, for times later in the
 * GOP, the frames up to the one nearest each time ({@link FrameSelection}), then scales and encodes
 * them ({@link ImageOptions}). Give it all the times that fall in one fragment at once: one pass
 * decodes each frame at most once, and non-reference frames nobody asked for are skipped.
 *
 * <p>What cannot be decoded — H.265 (JCodec has no HEVC decoder), H.264 other than 8-bit 4:2:0
 * progressive, missing parameter sets, corrupt data — comes back as {@link ImageResult.MediaError}s
 * (the API's {@code MEDIA_ERROR}), never as an exception; pictures made before a failure are kept.
 * A decoder call that runs past the frame decode limit (JCodec can loop forever on some corrupt
 * data) is ended and reported the same way.
 *
 * <p>JCodec logs its warnings about odd streams to standard output unless
 * {@link JcodecLogging#routeToSlf4j()} ran first.
 *
 * <p>Thread-safe. Each call blocks its caller while one short-lived worker thread decodes; run
 * fragments in parallel on an executor of the caller's choosing.
 */
public final class ImageExtractor {

    /** How long one frame may take to decode before it is taken for a decoder stuck on corrupt data. */
    public static final Duration DEFAULT_FRAME_DECODE_LIMIT = Duration.ofSeconds(5);

    private final Duration frameDecodeLimit;

    public ImageExtractor() {
        this(DEFAULT_FRAME_DECODE_LIMIT);
    }

    public ImageExtractor(Duration frameDecodeLimit) {
        this.frameDecodeLimit = Objects.requireNonNull(frameDecodeLimit, "frameDecodeLimit");
    }

    /**
     * The pictures for {@code timestampsMicros}, one result per time, in the same order.
     *
     * @param track  the video track
     * @param frames the fragment's frames in decode order, keyframe first (other tracks' frames are ignored)
     */
    public List<ImageResult> extract(Track track, List<Frame> frames, List<Long> timestampsMicros,
                                     ImageOptions options) {
        if (track.kind() != MediaKind.VIDEO) {
            throw new IllegalArgumentException("not a video track: " + track);
        }
        List<Frame> video = frames.stream().filter(f -> f.track() == track.number()).toList();
        if (video.isEmpty()) {
            return errors(timestampsMicros, ImageResult.Failure.NO_FRAMES, "no frames of track " + track.number());
        }
        if (track.codec() != Codec.H264) {
            return errors(timestampsMicros, ImageResult.Failure.UNSUPPORTED_CODEC, track.codec() + " is not decoded");
        }
        DecodeWatchdog watchdog = new DecodeWatchdog(frameDecodeLimit);
        GopImageJob job = new GopImageJob(track, video, timestampsMicros, options, watchdog);
        boolean finished = watchdog.run(job, "freshet-images-track-" + track.number());
        return job.results(ImageResult.Failure.CORRUPT_DATA, finished ? "no picture"
            : "a frame took more than " + frameDecodeLimit.toMillis() + " ms to decode (corrupt data)");
    }

    /** The picture of the fragment's keyframe. */
    public ImageResult extractKeyframe(Track track, List<Frame> frames, ImageOptions options) {
        long keyframeTime = frames.stream().filter(f -> f.track() == track.number()).findFirst()
            .map(Frame::timestampMicros).orElse(0L);
        return extract(track, frames, List.of(keyframeTime), options.withSelection(FrameSelection.KEYFRAME)).get(0);
    }

    private static List<ImageResult> errors(List<Long> times, ImageResult.Failure failure, String detail) {
        List<ImageResult> errors = new ArrayList<>(times.size());
        for (long time : times) {
            errors.add(new ImageResult.MediaError(time, failure, detail));
        }
        return errors;
    }
}
