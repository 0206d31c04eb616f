package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CodecStringsTest {

    @Test
    void avc1FromTheProfileConstraintAndLevelBytes() {
        // ffprobe: Constrained Baseline level 30, Main level 12, High level 31 (RFC 6381 3.3 examples use the same form)
        assertThat(CodecStrings.of(video(Codec.H264, Vectors.AVCC_BASELINE))).isEqualTo("avc1.42c01e");
        assertThat(CodecStrings.of(video(Codec.H264, Vectors.AVCC_MAIN))).isEqualTo("avc1.4d400c");
        assertThat(CodecStrings.of(video(Codec.H264, Vectors.AVCC_HIGH))).isEqualTo("avc1.64001f");
        assertThat(CodecStrings.avc1(H264SpsTest.sps(Vectors.AVCC_FHD))).isEqualTo("avc1.42c028");
    }

    @Test
    void avc1FromAnnexBCodecPrivate() {
        byte[] annexB = AnnexB.join(H264ParameterSets.fromAvcC(Vectors.AVCC_HIGH).all());
        assertThat(CodecStrings.of(video(Codec.H264, annexB))).isEqualTo("avc1.64001f");
    }

    @Test
    void hevcStringsFollowAnnexE() {
        // the 14496-15 E.3 example: Main profile, Main tier, level 3.1, progressive, non-packed, frame-only
        HevcProfileTierLevel example = new HevcProfileTierLevel(0, false, 1, 0x60000000, 0xB00000000000L, 93);
        assertThat(CodecStrings.hev1(example)).isEqualTo("hev1.1.6.L93.B0");
        // Apple's HLS authoring example for Main 10, level 4.1, high tier flag clear
        HevcProfileTierLevel main10 = new HevcProfileTierLevel(0, false, 2, 0x20000000, 0xB00000000000L, 123);
        assertThat(CodecStrings.hvc1(main10)).isEqualTo("hvc1.2.4.L123.B0");
        HevcProfileTierLevel spaced = new HevcProfileTierLevel(1, true, 4, 0x08000000, 0x900012000000L, 153);
        assertThat(CodecStrings.hvc1(spaced)).isEqualTo("hvc1.A4.10.H153.90.0.12");
    }

    @Test
    void hevcStringsOfFfmpegStreams() {
        // ffprobe: Main level 63 / Main 10 level 63, constraint byte 0x90 (progressive, frame-only)
        assertThat(CodecStrings.of(video(Codec.H265, Vectors.HVCC_MAIN))).isEqualTo("hvc1.1.6.L63.90");
        assertThat(CodecStrings.of(video(Codec.H265, Vectors.HVCC_MAIN10))).isEqualTo("hvc1.2.4.L63.90");
    }

    @Test
    void audioStrings() {
        assertThat(CodecStrings.of(Track.audio(2, Codec.AAC, Vectors.ASC_LC_48K_STEREO, 0, 0))).isEqualTo("mp4a.40.2");
        assertThat(CodecStrings.mp4a(AudioSpecificConfig.parse(Vectors.hex("2b1188")))).isEqualTo("mp4a.40.5");
        assertThat(CodecStrings.of(Track.audio(2, Codec.OPUS, new byte[0], 48000, 2))).isEqualTo("opus");
    }

    @Test
    void configlessTracksHaveNoString() {
        NalFramingTest.assertReason(() -> CodecStrings.of(video(Codec.H264, new byte[0])),
            CodecException.Reason.MISSING);
    }

    /** ffmpeg's HLS muxer writes the CODECS attribute for AAC from the same AudioSpecificConfig. */
    @Test
    void aacStringMatchesFfmpegsHlsMuxer(@TempDir Path dir) throws Exception {
        Path aac = dir.resolve("a.mp4");
        Ffmpeg.ffmpeg("-f", "lavfi", "-i", "sine=r=48000", "-ac", "2", "-t", "0.3", "-c:a", "aac", aac.toString());
        Ffmpeg.ffmpeg("-i", aac.toString(), "-c", "copy", "-f", "hls", "-master_pl_name", "master.m3u8",
            dir.resolve("a.m3u8").toString());
        String master = Files.readString(dir.resolve("master.m3u8"));
        String ours = CodecStrings.of(Track.audio(1, Codec.AAC, MediaProbe.extradata(aac, "a:0"), 0, 0));
        assertThat(master).contains("CODECS=\"" + ours + "\"");
    }

    static Track video(Codec codec, byte[] config) {
        return Track.video(1, codec, config, 0, 0);
    }
}
