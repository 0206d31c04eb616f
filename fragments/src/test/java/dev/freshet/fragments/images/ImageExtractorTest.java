package dev.freshet.fragments.images;

import dev.freshet.fragments.codec.AnnexB;
import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.EncodedClip;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures decoded from ffmpeg-encoded H.264 against ffmpeg's own decoding of the same frame
 * ({@code -vf select=eq(n\,K)}): JCodec and FFmpeg agree to well under one level per sample (about
 * 0.6 mean absolute difference, from chroma upsampling and YUV→RGB rounding).
 */
class ImageExtractorTest {

    /** Mean absolute difference allowed against ffmpeg's PNG. */
    private static final double PNG_TOLERANCE = 1.5;
    /** The same for JPEG at quality 90, which adds its own loss. */
    private static final double JPEG_TOLERANCE = 4.0;

    @TempDir
    static Path dir;
    static EncodedClip baseline;
    static EncodedClip main;
    static EncodedClip high;

    private final ImageExtractor extractor = new ImageExtractor();

    @BeforeAll
    static void encode() {
        baseline = EncodedClip.encode(dir, "baseline", "320x240", "25", 0.6, "-c:v", "libx264", "-profile:v",
            "baseline");
        main = EncodedClip.encode(dir, "main", "318x178", "25", 0.8, "-c:v", "libx264", "-profile:v", "main", "-bf",
            "2");
        high = EncodedClip.encode(dir, "high", "640x360", "30", 0.6, "-c:v", "libx264", "-profile:v", "high", "-bf",
            "3");
    }

    @Test
    void keyframesMatchFfmpeg() {
        for (EncodedClip clip : List.of(baseline, main, high)) {
            ImageResult.Encoded image = encoded(extractor.extractKeyframe(clip.track(), clip.frames(),
                ImageOptions.png()));
            assertThat(image.frameMicros()).isEqualTo(EncodedClip.EPOCH_MICROS);
            assertThat(Pictures.meanAbsoluteDifference(Pictures.read(image.content()), clip.reference(dir, 0)))
                .as(clip.mp4().getFileName().toString()).isLessThan(PNG_TOLERANCE);
        }
    }

    @Test
    void laterTimesDecodeUpToTheNearestFrameAcrossBFrames() {
        List<Long> display = main.displayTimes();
        List<Long> asked = List.of(display.get(5), display.get(12) + 1_000, display.get(3));
        List<ImageResult> results = extractor.extract(main.track(), main.frames(), asked, ImageOptions.png());
        int[] shown = {5, 12, 3};
        for (int i = 0; i < asked.size(); i++) {
            ImageResult.Encoded image = encoded(results.get(i));
            assertThat(image.requestedMicros()).isEqualTo(asked.get(i));
            assertThat(image.frameMicros()).isEqualTo(display.get(shown[i]));
            assertThat(Pictures.meanAbsoluteDifference(Pictures.read(image.content()), main.reference(dir, shown[i])))
                .isLessThan(PNG_TOLERANCE);
        }
    }

    @Test
    void highProfileLaterFrame() {
        long time = high.displayTimes().get(9);
        ImageResult.Encoded image = encoded(extractor.extract(high.track(), high.frames(), List.of(time),
            ImageOptions.png()).get(0));
        assertThat(Pictures.meanAbsoluteDifference(Pictures.read(image.content()), high.reference(dir, 9)))
            .isLessThan(PNG_TOLERANCE);
    }

    /** JCodec 0.2.5 would decode slices on a thread pool of its own that it never shuts down. */
    @Test
    void multiSliceFramesDecodeWithoutLeavingThreadsBehind() {
        EncodedClip sliced = EncodedClip.encode(dir, "slices", "320x240", "25", 0.2, "-c:v", "libx264", "-x264-params",
            "slices=4");
        long poolThreadsBefore = poolThreads();
        List<Long> times = sliced.displayTimes();
        List<ImageResult> results = extractor.extract(sliced.track(), sliced.frames(), List.of(times.get(0),
            times.get(3)), ImageOptions.png());
        assertThat(Pictures.meanAbsoluteDifference(Pictures.read(encoded(results.get(1)).content()),
            sliced.reference(dir, 3))).isLessThan(PNG_TOLERANCE);
        assertThat(poolThreads()).isEqualTo(poolThreadsBefore);
    }

    @Test
    void keyframeSelectionAnswersEveryTimeWithTheKeyframe() {
        List<Long> asked = List.of(main.displayTimes().get(4), main.displayTimes().get(9));
        List<ImageResult> results = extractor.extract(main.track(), main.frames(), asked,
            ImageOptions.jpeg().withSelection(FrameSelection.KEYFRAME));
        assertThat(results).allSatisfy(r -> assertThat(encoded(r).frameMicros()).isEqualTo(EncodedClip.EPOCH_MICROS));
        assertThat(encoded(results.get(0)).content()).isSameAs(encoded(results.get(1)).content());
    }

    @Test
    void jpegQualityTradesSizeForFidelity() {
        byte[] good = encoded(extractor.extractKeyframe(high.track(), high.frames(), ImageOptions.jpeg(90))).content();
        byte[] poor = encoded(extractor.extractKeyframe(high.track(), high.frames(), ImageOptions.jpeg(5))).content();
        byte[] standard = encoded(extractor.extractKeyframe(high.track(), high.frames(), ImageOptions.jpeg()))
            .content();
        assertThat(good).startsWith(0xFF, 0xD8);
        assertThat(poor.length).isLessThan(standard.length);
        assertThat(standard.length).isLessThan(good.length);
        BufferedImage reference = high.reference(dir, 0);
        assertThat(Pictures.meanAbsoluteDifference(Pictures.read(good), reference)).isLessThan(JPEG_TOLERANCE);
        assertThat(Pictures.meanAbsoluteDifference(Pictures.read(poor), reference)).isGreaterThan(JPEG_TOLERANCE);
    }

    @Test
    void scaledToTheRequestedSize() {
        assertThat(size(ImageOptions.jpeg().withSize(160, 0))).containsExactly(160, 90);
        assertThat(size(ImageOptions.jpeg().withSize(0, 720))).containsExactly(1280, 720);
        assertThat(size(ImageOptions.png().withSize(100, 100))).containsExactly(100, 100);
        assertThat(size(ImageOptions.png())).containsExactly(640, 360);
    }

    @Test
    void parameterSetsInTheKeyframeStandInForAMissingAvcC() {
        Track bare = Track.video(1, Codec.H264, new byte[0], 0, 0);
        List<Frame> frames = new ArrayList<>(baseline.frames());
        List<NalUnit> first = new ArrayList<>(H264ParameterSets.fromAvcC(baseline.track().codecPrivate()).all());
        first.addAll(LengthPrefixed.split(frames.get(0).data(), 4));
        frames.set(0, withData(frames.get(0), LengthPrefixed.join(first, 4)));
        ImageResult.Encoded image = encoded(extractor.extractKeyframe(bare, frames, ImageOptions.png()));
        assertThat(Pictures.meanAbsoluteDifference(Pictures.read(image.content()), baseline.reference(dir, 0)))
            .isLessThan(PNG_TOLERANCE);
    }

    @Test
    void whatCannotBeDecodedIsAMediaError() {
        Track noConfig = Track.video(1, Codec.H264, new byte[0], 0, 0);
        assertThat(failure(noConfig, baseline.frames())).isEqualTo(ImageResult.Failure.MISSING_CONFIG);
        assertThat(failure(baseline.track(), baseline.frames().subList(1, 5)))
            .isEqualTo(ImageResult.Failure.CORRUPT_DATA);
        assertThat(failure(baseline.track(), List.of())).isEqualTo(ImageResult.Failure.NO_FRAMES);
        Track h265 = Track.video(1, Codec.H265, new byte[] {1}, 0, 0);
        assertThat(failure(h265, baseline.frames())).isEqualTo(ImageResult.Failure.UNSUPPORTED_CODEC);
        List<Frame> truncated = List.of(withData(baseline.frames().get(0),
            java.util.Arrays.copyOf(baseline.frames().get(0).data(), 9)));
        assertThat(failure(baseline.track(), truncated)).isEqualTo(ImageResult.Failure.CORRUPT_DATA);
    }

    /** Formats JCodec cannot decode are refused from the SPS, before decoding (MBAFF would throw in JCodec). */
    @Test
    void tenBitFourFourFourAndInterlacedStreamsAreUnsupportedFormats() {
        List<Frame> idr = List.of(new Frame(1, EncodedClip.EPOCH_MICROS, 0, true, Vectors.hex("0000000465888400")));
        for (byte[] avcC : List.of(Vectors.AVCC_HIGH10, Vectors.AVCC_HIGH444, Vectors.AVCC_INTERLACED)) {
            Track track = Track.video(1, Codec.H264, avcC, 0, 0);
            assertThat(failure(track, idr)).isEqualTo(ImageResult.Failure.UNSUPPORTED_FORMAT);
        }
    }

    @Test
    void pictureBeforeAFailureIsKept() {
        List<Frame> frames = new ArrayList<>(main.frames());
        frames.set(3, withData(frames.get(3), LengthPrefixed.join(List.of(NalUnit.of(new byte[] {0x41, (byte) 0x9A})),
            4)));
        List<Long> display = main.displayTimes();
        List<ImageResult> results = extractor.extract(main.track(), frames, List.of(display.get(0),
            display.get(display.size() - 1)), ImageOptions.png());
        assertThat(results.get(0)).isInstanceOf(ImageResult.Encoded.class);
        assertThat(results.get(1)).isInstanceOf(ImageResult.MediaError.class);
    }

    @Test
    void otherTracksFramesAreIgnored() {
        List<Frame> frames = new ArrayList<>(baseline.frames());
        frames.add(1, new Frame(2, EncodedClip.EPOCH_MICROS, 0, true, new byte[] {0x21, 0x10}));
        assertThat(extractor.extractKeyframe(baseline.track(), frames, ImageOptions.png()))
            .isInstanceOf(ImageResult.Encoded.class);
        assertThat(H264Nals.isKeyframeAnnexB(AnnexB.fromLengthPrefixed(frames.get(0).data(), 4))).isTrue();
    }

    private static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pool-")).count();
    }

    private int[] size(ImageOptions options) {
        ImageResult.Encoded image = encoded(extractor.extractKeyframe(high.track(), high.frames(), options));
        BufferedImage decoded = Pictures.read(image.content());
        assertThat(new int[] {image.width(), image.height()}).containsExactly(decoded.getWidth(), decoded.getHeight());
        return new int[] {decoded.getWidth(), decoded.getHeight()};
    }

    private ImageResult.Failure failure(Track track, List<Frame> frames) {
        ImageResult result = extractor.extract(track, frames, List.of(EncodedClip.EPOCH_MICROS), ImageOptions.jpeg())
            .get(0);
        assertThat(result).isInstanceOf(ImageResult.MediaError.class);
        return ((ImageResult.MediaError) result).failure();
    }

    private static ImageResult.Encoded encoded(ImageResult result) {
        assertThat(result).isInstanceOf(ImageResult.Encoded.class);
        return (ImageResult.Encoded) result;
    }

    private static Frame withData(Frame frame, byte[] data) {
        return new Frame(frame.track(), frame.timestampMicros(), frame.durationMicros(), frame.keyframe(), data);
    }
}
