package dev.freshet.fragments.ts;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.SourceMedia;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MPEG-TS segments checked with the real tools: one segment per fragment of a session, concatenated
 * as an HLS player appends them, must probe cleanly, decode to exactly the source's pictures and
 * keep every PID's continuity counter running across segment boundaries.
 */
class TsSegmentPlaybackTest {

    private final Path dir = Ffmpeg.outputDirectory();

    @Test
    void h264WithBFramesAndAac() throws IOException {
        SourceMedia source = SourceMedia.h264Aac(true);
        Path out = segments(source, "h264-b-aac.ts");
        assertThat(MediaProbe.streamField(out, "codec_name,width,height,nb_read_frames", true)).containsExactly(
            "h264,320,240," + source.framesOf(source.video()).size(),
            "aac," + source.framesOf(source.audio()).size());
        assertPlaysLikeSource(source, out);
    }

    @Test
    void h264WithoutBFramesAndAac() throws IOException {
        SourceMedia source = SourceMedia.h264Aac(false);
        Path out = segments(source, "h264-aac.ts");
        assertThat(MediaProbe.streamField(out, "codec_name,nb_read_frames", true)).containsExactly(
            "h264," + source.framesOf(source.video()).size(), "aac," + source.framesOf(source.audio()).size());
        assertPlaysLikeSource(source, out);
    }

    @Test
    void h265WithOpusCarriesTheVideoOnly() throws IOException {
        SourceMedia source = SourceMedia.h265Opus();
        Path out = segments(source, "h265-opus.ts");
        assertThat(TsSegmentWriter.carries(source.audio())).isFalse();
        assertThat(MediaProbe.streamField(out, "codec_name,width,height,nb_read_frames", true)).containsExactly(
            "hevc,320,240," + source.framesOf(source.video()).size());
        assertPlaysLikeSource(source, out);
    }

    private Path segments(SourceMedia source, String name) throws IOException {
        TsSegmentWriter writer = new TsSegmentWriter(source.tracks());
        TsSession session = new TsSession();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Fragment fragment : source.fragments()) {
            byte[] segment = writer.write(fragment.frames(), session);
            assertStartsWithProgramTables(segment);
            file.write(segment);
        }
        assertContinuous(file.toByteArray());
        Path out = dir.resolve(name);
        Files.write(out, file.toByteArray());
        assertThat(MediaProbe.probeErrors(out)).isEmpty();
        return out;
    }

    private static void assertPlaysLikeSource(SourceMedia source, Path out) {
        assertThat(MediaProbe.decodedVideoMd5(out)).isEqualTo(MediaProbe.decodedVideoMd5(source.file()));
        assertThat(MediaProbe.presentedSeconds(out, "v:0")).isEqualTo(4.0);
    }

    private static void assertStartsWithProgramTables(byte[] segment) {
        assertThat(segment.length % 188).isZero();
        assertThat(pid(segment, 0)).isEqualTo(ProgramTables.PAT_PID);
        assertThat(pid(segment, 188)).isEqualTo(ProgramTables.PMT_PID);
        int video = 376;
        while (pid(segment, video) != 0x100) {
            video += 188;
        }
        assertThat(segment[video + 1] & 0x40).as("payload unit start").isEqualTo(0x40);
        assertThat(segment[video + 5] & 0x50).as("keyframe PES: random access and PCR").isEqualTo(0x50);
    }

    /** Every PID's continuity counter goes up by one per packet, across segment boundaries too. */
    private static void assertContinuous(byte[] ts) {
        Map<Integer, Integer> last = new HashMap<>();
        for (int at = 0; at < ts.length; at += 188) {
            assertThat(ts[at]).isEqualTo((byte) 0x47);
            int counter = ts[at + 3] & 0xF;
            Integer previous = last.put(pid(ts, at), counter);
            if (previous != null) {
                assertThat(counter).as("CC of PID %d at %d", pid(ts, at), at).isEqualTo((previous + 1) & 0xF);
            }
        }
        assertThat(last.keySet()).containsAnyElementsOf(List.of(0, 0x1000, 0x100));
    }

    private static int pid(byte[] ts, int at) {
        return ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
    }
}
