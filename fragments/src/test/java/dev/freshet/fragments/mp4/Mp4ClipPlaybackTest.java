package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.IsoBox;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.SourceMedia;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GetClip output checked with the real tools: a clip of every fragment must probe cleanly, start at
 * 0, last the source's 4 s, decode to exactly the source's pictures and carry the source's audio
 * packets; the moov comes before the mdat.
 */
class Mp4ClipPlaybackTest {

    private final Path dir = Ffmpeg.outputDirectory();

    @Test
    void h264WithBFramesAndAac() throws IOException {
        check(SourceMedia.h264Aac(true), "h264", "aac");
    }

    @Test
    void h264WithoutBFramesAndAac() throws IOException {
        check(SourceMedia.h264Aac(false), "h264", "aac");
    }

    @Test
    void h265AndOpus() throws IOException {
        check(SourceMedia.h265Opus(), "hevc", "opus");
    }

    @Test
    void clipOfTheMiddleFragmentsStartsAtZeroAndReadsBackFrameForFrame() throws IOException {
        SourceMedia source = SourceMedia.h264Aac(true);
        List<Frame> middle = source.fragments().subList(1, 3).stream().flatMap(f -> f.frames().stream()).toList();
        Path out = dir.resolve("clip-middle.mp4");
        try (OutputStream stream = Files.newOutputStream(out)) {
            new Mp4ClipWriter(source.tracks()).write(middle, stream);
        }
        assertThat(MediaProbe.probeErrors(out)).isEmpty();
        assertThat(Double.parseDouble(MediaProbe.formatField(out, "start_time"))).isCloseTo(0.0, within(0.001));
        assertThat(MediaProbe.presentedSeconds(out, "v:0")).isEqualTo(2.0);

        SourceMedia back = SourceMedia.read(out);
        List<Frame> expected = middle.stream().filter(f -> f.track() == source.video().number()).toList();
        List<Frame> actual = back.framesOf(back.video());
        assertThat(actual).hasSameSizeAs(expected);
        long offset = expected.get(0).timestampMicros() - actual.get(0).timestampMicros();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).data()).isEqualTo(expected.get(i).data());
            assertThat(actual.get(i).keyframe()).isEqualTo(expected.get(i).keyframe());
            assertThat(actual.get(i).timestampMicros() + offset).isEqualTo(expected.get(i).timestampMicros());
        }
    }

    private void check(SourceMedia source, String video, String audio) throws IOException {
        Path out = dir.resolve(source.file().getFileName() + "-clip.mp4");
        ClipResult result;
        try (OutputStream stream = Files.newOutputStream(out)) {
            result = new Mp4ClipWriter(source.tracks()).write(source.frames(), stream);
        }
        assertThat(result.bytesWritten()).isEqualTo(Files.size(out));
        assertThat(IsoBox.parse(Files.readAllBytes(out)).stream().map(IsoBox::type)).containsExactly("ftyp", "moov", "mdat");
        assertThat(MediaProbe.probeErrors(out)).isEmpty();
        assertThat(MediaProbe.streamField(out, "codec_name,width,height,nb_read_frames", true)).containsExactly(
            video + ",320,240," + source.framesOf(source.video()).size(),
            audio + "," + source.framesOf(source.audio()).size());
        assertThat(Double.parseDouble(MediaProbe.formatField(out, "duration"))).isCloseTo(4.0, within(0.1));
        // FFmpeg ends a track's last edit early by the length of its leading empty edit (here the
        // audio's priming lead, under one frame): allow that much off the last picture.
        assertThat(MediaProbe.presentedSeconds(out, "v:0")).isCloseTo(4.0, within(0.03));
        assertThat(Double.parseDouble(MediaProbe.formatField(out, "start_time"))).isCloseTo(0.0, within(0.001));
        FragmentedMp4PlaybackTest.assertPlaysLikeSource(source, out);
    }
}
