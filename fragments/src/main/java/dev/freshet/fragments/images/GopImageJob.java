package dev.freshet.fragments.images;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The pictures of one GOP for a list of requested times: decodes its frames in one pass, up to the
 * last one chosen, skipping non-reference frames nobody asked for, and scales and encodes each
 * chosen picture once (times showing the same frame share its bytes). Every failure becomes a
 * {@link ImageResult.MediaError} for the times not answered yet.
 *
 * <p>Runs once, on the watchdog's worker thread; results are published through an atomic array
 * the caller reads after it.
 */
final class GopImageJob implements Runnable {

    private final Track track;
    private final List<Frame> frames;
    private final List<Long> times;
    private final int[] chosen;
    private final ImageOptions options;
    private final DecodeWatchdog watchdog;
    private final AtomicReferenceArray<ImageResult> results;

    GopImageJob(Track track, List<Frame> frames, List<Long> times, ImageOptions options, DecodeWatchdog watchdog) {
        this.track = track;
        this.frames = frames;
        this.times = times;
        this.options = options;
        this.watchdog = watchdog;
        this.chosen = times.stream().mapToInt(t -> FrameChooser.choose(frames, t, options.selection())).toArray();
        this.results = new AtomicReferenceArray<>(times.size());
    }

    @Override
    public void run() {
        try {
            H264GopDecoder decoder = H264GopDecoder.open(track, frames.get(0));
            int last = Arrays.stream(chosen).max().orElse(-1);
            for (int i = 0; i <= last; i++) {
                decodeFrame(decoder, i);
            }
        } catch (UndecodableException e) {
            fail(e.failure(), e.getMessage());
        } catch (CodecException e) {
            fail(failureOf(e), e.getMessage());
        } catch (RuntimeException e) {
            // JCodec meets corrupt data with whatever exception its code hits
            fail(ImageResult.Failure.CORRUPT_DATA, "H.264 decoding failed: " + e);
        }
    }

    /** One result per time, in order; times left unanswered get {@code failure}. */
    List<ImageResult> results(ImageResult.Failure failure, String detail) {
        fail(failure, detail);
        ImageResult[] out = new ImageResult[times.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = results.get(i);
        }
        return Arrays.asList(out);
    }

    private void decodeFrame(H264GopDecoder decoder, int index) {
        Frame frame = frames.get(index);
        boolean wanted = Arrays.stream(chosen).anyMatch(c -> c == index);
        if (!wanted && index > 0 && decoder.isSkippable(frame)) {
            return;
        }
        BufferedImage picture = watchdog.step(() -> decoder.decode(frame, wanted));
        if (wanted) {
            publish(index, frame, picture);
        }
    }

    private void publish(int index, Frame frame, BufferedImage picture) {
        int[] size = ImageScaler.outputSize(picture.getWidth(), picture.getHeight(), options.widthPixels(),
            options.heightPixels());
        byte[] content = ImageEncoder.encode(ImageScaler.scale(picture, size[0], size[1]), options.format(),
            options.jpegQuality());
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] == index) {
                results.compareAndSet(i, null, new ImageResult.Encoded(times.get(i), frame.timestampMicros(),
                    size[0], size[1], options.format(), content));
            }
        }
    }

    private void fail(ImageResult.Failure failure, String detail) {
        for (int i = 0; i < times.size(); i++) {
            results.compareAndSet(i, null, new ImageResult.MediaError(times.get(i), failure, detail));
        }
    }

    private static ImageResult.Failure failureOf(CodecException e) {
        return e.reason() == CodecException.Reason.MISSING ? ImageResult.Failure.MISSING_CONFIG
            : e.reason() == CodecException.Reason.UNSUPPORTED ? ImageResult.Failure.UNSUPPORTED_FORMAT
            : ImageResult.Failure.CORRUPT_DATA;
    }
}
