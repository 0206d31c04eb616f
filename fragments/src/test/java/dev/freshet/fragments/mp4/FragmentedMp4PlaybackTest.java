package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.SourceMedia;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CMAF output checked with the real tools: init segment plus every fragment's media segment,
 * concatenated as a player appends them, must probe cleanly and decode to exactly the source's
 * pictures; the audio packets must be the source's bytes.
 */
class FragmentedMp4PlaybackTest {

    /** Outputs stay in target/ for a look with other players after a run. */
    private final Path dir = Ffmpeg.outputDirectory();

    @Test
    void h264WithoutBFramesAndAac() throws IOException {
        checkSegments(SourceMedia.h264Aac(false));
    }

    @Test
    void h264WithBFramesAndAac() throws IOException {
        checkSegments(SourceMedia.h264Aac(true));
    }

    @Test
    void h265AndOpus() throws IOException {
        checkSegments(SourceMedia.h265Opus());
    }

    @Test
    void gopSplitIntoLowLatencyPartsPlaysLikeWholeSegments() throws IOException {
        SourceMedia source = SourceMedia.h264Aac(true);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(FragmentedMp4.initSegment(source.tracks()));
        long sequence = 1;
        List<Boolean> independent = new ArrayList<>();
        for (Fragment fragment : source.fragments()) {
            for (List<Frame> part : parts(fragment.frames(), 8)) {
                MediaSegmentResult result = FragmentedMp4.mediaSegment(source.tracks(), part, sequence++, false);
                independent.add(result.independent());
                file.write(result.bytes());
            }
        }
        Path out = write("parts.mp4", file.toByteArray());

        assertThat(independent.stream().filter(b -> b).count()).isEqualTo(source.fragments().size());
        assertThat(independent.get(0)).isTrue();
        assertThat(independent.get(1)).isFalse();
        assertPlaysLikeSource(source, out);
        assertThat(timestamps(out)).isEqualTo(timestamps(segmentsFile(source)));
    }

    @Test
    void partsAndSegmentsCarryTheSameTimestamps() throws IOException {
        SourceMedia source = SourceMedia.h264Aac(true);
        Fragment gop = source.fragments().get(1);
        List<List<Frame>> parts = parts(gop.frames(), 6);
        MediaSegmentResult whole = FragmentedMp4.mediaSegment(source.tracks(), gop.frames(), 1);
        long partsDuration = 0;
        for (List<Frame> part : parts) {
            partsDuration += FragmentedMp4.mediaSegment(source.tracks(), part, 1).durationMicros();
        }
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(whole.independent()).isTrue();
        assertThat(whole.durationMicros()).isEqualTo(1_000_000);
        assertThat(partsDuration).isEqualTo(whole.durationMicros());
        assertThat(whole.startMicros()).isEqualTo(gop.startMicros());
    }

    private void checkSegments(SourceMedia source) throws IOException {
        Path out = segmentsFile(source);
        assertThat(MediaProbe.probeErrors(out)).isEmpty();
        String video = source.video().codec() == dev.freshet.fragments.media.Codec.H264 ? "h264" : "hevc";
        String audio = source.isOpus() ? "opus" : "aac";
        assertThat(MediaProbe.streamField(out, "codec_name,width,height,nb_read_frames", true)).containsExactly(
            video + ",320,240," + source.framesOf(source.video()).size(),
            audio + "," + source.framesOf(source.audio()).size());
        assertThat(MediaProbe.presentedSeconds(out, "v:0")).isEqualTo(4.0);
        assertPlaysLikeSource(source, out);
    }

    private Path segmentsFile(SourceMedia source) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(FragmentedMp4.initSegment(source.tracks()));
        long sequence = 1;
        for (Fragment fragment : source.fragments()) {
            MediaSegmentResult segment = FragmentedMp4.mediaSegment(fragment.tracks(), fragment.frames(), sequence++);
            assertThat(segment.independent()).isTrue();
            file.write(segment.bytes());
        }
        return write(source.file().getFileName() + "-segments.mp4", file.toByteArray());
    }

    static void assertPlaysLikeSource(SourceMedia source, Path out) {
        List<String> expected = MediaProbe.decodedVideoMd5(source.file());
        assertThat(expected).hasSize(source.framesOf(source.video()).size());
        assertThat(MediaProbe.decodedVideoMd5(out)).isEqualTo(expected);
        assertThat(MediaProbe.packetMd5(out, "a:0")).isEqualTo(md5s(source.framesOf(source.audio())));
    }

    static List<String> md5s(List<Frame> frames) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return frames.stream().map(f -> HexFormat.of().formatHex(md5.digest(f.data()))).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Consecutive runs of about {@code size} frames, each starting with a video frame where
     * {@link FragmentedMp4#canStartPart} allows, as an LL-HLS packager cuts parts.
     */
    static List<List<Frame>> parts(List<Frame> frames, int size) {
        List<List<Frame>> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (i - start >= size && frames.get(i).track() == frames.get(0).track()
                && FragmentedMp4.canStartPart(frames, i)) {
                parts.add(frames.subList(start, i));
                start = i;
            }
        }
        parts.add(frames.subList(start, frames.size()));
        return parts;
    }

    private static List<String> timestamps(Path file) {
        return Ffmpeg.ffprobe("-show_entries", "packet=stream_index,pts,dts", "-of", "csv=p=0", file.toString())
            .lines().sorted().toList();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
