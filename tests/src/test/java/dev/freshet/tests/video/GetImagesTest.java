package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Pictures;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Format;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.FormatConfigKey;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.GetImagesRequest;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Image;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ImageError;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ImageSelectorType;

/**
 * GetImages over producer timestamps: one image per SamplingInterval from StartTimestamp, JPEG and PNG,
 * base64 in the JSON, decoding (ImageIO) to the stream's size or to WidthPixels × HeightPixels, and
 * looking like the source frame at that time ({@code ffmpeg -ss T -frames:v 1}): mean difference per RGB
 * channel under {@value #RESEMBLANCE}, and smaller than to the frame one second earlier. Sample times
 * fall exactly on keyframes, so "the frame at T", "the keyframe at or before T" and "the nearest frame"
 * are the same picture. Times without media come back as NO_MEDIA without content.
 */
class GetImagesTest {
    /** JPEG at the default quality differs from its source by about 4 on this content; a wrong frame by 15+. */
    private static final double RESEMBLANCE = 10.0;

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    private static Media media;
    private static VideoStream stream;
    private static long start;
    private static List<Double> keyframes;

    @BeforeAll
    static void publishASample() {
        media = MediaSamples.get(Sample.H264_AAC_NO_BFRAMES);
        stream = server.createStream("images");
        start = System.currentTimeMillis() - 60_000;
        server.publish(stream.name(), media, start);
        keyframes = FfProbe.videoPackets(media.url()).stream().filter(FfProbe.Packet::keyframe)
                .map(FfProbe.Packet::ptsSeconds).toList();
        assertThat(keyframes).hasSize(media.sample().seconds());
    }

    @Test
    void jpegImagesAtTheSamplingIntervalShowTheSourceFrames() {
        List<Image> images = images(keyframeInstant(1), keyframeInstant(3).plusMillis(500), b -> b.format(Format.JPEG)
                .samplingInterval(1000));

        assertThat(images).extracting(Image::timeStamp).as("one image per SamplingInterval from StartTimestamp")
                .containsExactly(keyframeInstant(1), keyframeInstant(2), keyframeInstant(3));
        for (int i = 0; i < images.size(); i++) {
            byte[] jpeg = content(images.get(i));
            assertThat(jpeg).as("JPEG signature").startsWith(0xFF, 0xD8, 0xFF);
            assertResembles(Pictures.decode(jpeg), 1 + i, 0, 0);
        }
    }

    @Test
    void pngImagesScaledToTheRequestedSize() {
        List<Image> images = images(keyframeInstant(2), keyframeInstant(2).plusMillis(100), b -> b.format(Format.PNG)
                .samplingInterval(1000).widthPixels(160).heightPixels(120));

        assertThat(images).hasSize(1);
        byte[] png = content(images.get(0));
        assertThat(png).as("PNG signature").startsWith(0x89, 'P', 'N', 'G');
        BufferedImage picture = Pictures.decode(png);
        assertThat(picture.getWidth()).isEqualTo(160);
        assertThat(picture.getHeight()).isEqualTo(120);
        assertResembles(picture, 2, 160, 120);
    }

    @Test
    void bothDimensionsGivenStretchTheImage() {
        List<Image> images = images(keyframeInstant(4), keyframeInstant(4).plusMillis(100), b -> b.format(Format.JPEG)
                .formatConfig(java.util.Map.of(FormatConfigKey.JPEG_QUALITY, "90")).samplingInterval(1000)
                .widthPixels(200).heightPixels(100));

        BufferedImage picture = Pictures.decode(content(images.get(0)));
        assertThat(picture.getWidth()).as("WidthPixels").isEqualTo(200);
        assertThat(picture.getHeight()).as("HeightPixels").isEqualTo(100);
        assertResembles(picture, 4, 200, 100);
    }

    @Test
    void timesWithoutMediaAreNoMedia() {
        Instant first = keyframeInstant(0);
        List<Image> images = images(first.minusMillis(2000), first.plusMillis(500), b -> b.format(Format.JPEG)
                .samplingInterval(1000));

        assertThat(images).extracting(Image::timeStamp)
                .containsExactly(first.minusMillis(2000), first.minusMillis(1000), first);
        assertThat(images.subList(0, 2)).as("images before the first fragment").allSatisfy(image -> {
            assertThat(image.error()).isEqualTo(ImageError.NO_MEDIA);
            assertThat(image.imageContent()).isNull();
        });
        assertThat(images.get(2).error()).isNull();
        assertResembles(Pictures.decode(content(images.get(2))), 0, 0, 0);
    }

    private static List<Image> images(Instant from, Instant to, Consumer<GetImagesRequest.Builder> options) {
        return server.archived(stream.name(), APIName.GET_IMAGES).getImages(b -> {
            b.streamName(stream.name()).imageSelectorType(ImageSelectorType.PRODUCER_TIMESTAMP).startTimestamp(from)
                    .endTimestamp(to);
            options.accept(b);
        }).images();
    }

    private static Instant keyframeInstant(int gop) {
        return Instant.ofEpochMilli(start + Math.round(keyframes.get(gop) * 1000));
    }

    private static byte[] content(Image image) {
        assertThat(image.error()).as("Error of the image at %s", image.timeStamp()).isNull();
        assertThat(image.imageContent()).as("ImageContent at %s", image.timeStamp()).isNotBlank();
        return Base64.getDecoder().decode(image.imageContent());
    }

    /** Close to the source frame of that keyframe, and closer to it than to the one a second before or after. */
    private static void assertResembles(BufferedImage picture, int gop, int width, int height) {
        double t = keyframes.get(gop) - 0.005;
        BufferedImage expected = Pictures.sourceFrame(media, t, width, height);
        BufferedImage other = Pictures.sourceFrame(media, gop > 0 ? t - 1.0 : t + 1.0, width, height);
        double difference = Pictures.meanDifference(picture, expected);
        assertThat(difference).as("mean RGB difference from the source frame at %.3f s", t).isLessThan(RESEMBLANCE);
        assertThat(difference).as("closer to the frame at %.3f s than to the one a second away", t)
                .isLessThan(Pictures.meanDifference(picture, other));
    }
}
