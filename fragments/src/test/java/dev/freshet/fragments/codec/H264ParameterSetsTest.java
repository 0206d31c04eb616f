package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.EncodedClip;
import dev.freshet.fragments.testmedia.Ffmpeg;
import dev.freshet.fragments.testmedia.SourceMedia;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class H264ParameterSetsTest {

    static Stream<byte[]> ffmpegAvcCs() {
        return Stream.of(Vectors.AVCC_BASELINE, Vectors.AVCC_MAIN, Vectors.AVCC_HIGH, Vectors.AVCC_HIGH444,
            Vectors.AVCC_HIGH10, Vectors.AVCC_INTERLACED, Vectors.AVCC_FHD);
    }

    @ParameterizedTest
    @MethodSource("ffmpegAvcCs")
    void rebuildsTheAvcCFfmpegWrote(byte[] avcC) {
        H264ParameterSets sets = H264ParameterSets.fromAvcC(avcC);
        assertThat(sets.sps()).hasSize(1);
        assertThat(sets.pps()).hasSize(1);
        assertThat(H264ParameterSets.nalLengthSize(avcC)).isEqualTo(4);
        assertThat(sets.toAvcC(4)).isEqualTo(avcC);
    }

    @ParameterizedTest
    @MethodSource("ffmpegAvcCs")
    void annexBParameterSetsGiveTheSameAvcC(byte[] avcC) {
        byte[] annexB = AnnexB.join(H264ParameterSets.fromAvcC(avcC).all());
        byte[] withSlice = concat(annexB, Vectors.hex("0000000165888400"));
        assertThat(H264ParameterSets.fromAnnexB(withSlice).toAvcC(4)).isEqualTo(avcC);
    }

    @Test
    void aRepeatedSetWithTheSameIdReplacesTheFirst() {
        NalUnit sps = H264ParameterSets.fromAvcC(Vectors.AVCC_MAIN).sps().get(0);
        NalUnit otherSps = H264ParameterSets.fromAvcC(Vectors.AVCC_BASELINE).sps().get(0);
        H264ParameterSets sets = H264ParameterSets.from(List.of(sps, otherSps, sps));
        assertThat(sets.sps()).containsExactly(sps);
    }

    @Test
    void lengthSizeTwoIsWritten() {
        byte[] avcC = H264ParameterSets.fromAvcC(Vectors.AVCC_MAIN).toAvcC(2);
        assertThat(avcC[4] & 0xFF).isEqualTo(0xFD);
        assertThat(H264ParameterSets.nalLengthSize(avcC)).isEqualTo(2);
    }

    @Test
    void buildsAndReadsABaselineRecord() {
        NalUnit sps = NalUnit.of(Vectors.hex("6742c01e8c8d40a0fcb280"));
        NalUnit pps = NalUnit.of(Vectors.hex("68ce3c80"));
        byte[] avcC = new H264ParameterSets(List.of(sps), List.of(pps)).toAvcC(4);
        // baseline: no high-profile extension after the PPS list
        assertThat(avcC).isEqualTo(Vectors.hex("0142c01effe1000b" + "6742c01e8c8d40a0fcb280" + "010004" + "68ce3c80"));
        H264ParameterSets back = H264ParameterSets.fromAvcC(avcC);
        assertThat(back.sps()).containsExactly(sps);
        assertThat(back.pps()).containsExactly(pps);
        assertThat(back.firstSps().profileIdc()).isEqualTo(66);
        assertThat(back.firstSps().constraintFlags()).isEqualTo(0xC0);
        assertThat(back.firstSps().levelIdc()).isEqualTo(30);
    }

    @Test
    void readsWhatX264AndFfmpegWrite() {
        SourceMedia source = SourceMedia.h264Aac(true);
        byte[] avcC = source.video().codecPrivate();
        H264ParameterSets sets = H264ParameterSets.fromAvcC(avcC);
        String profile = Ffmpeg.ffprobe("-select_streams", "v:0", "-show_entries", "stream=profile,level", "-of",
            "csv=p=0", source.file().toString()).strip();
        assertThat(profile).isEqualTo("High," + sets.firstSps().levelIdc());
        assertThat(sets.firstSps().profileIdc()).isEqualTo(100);
        assertThat(sets.sps()).singleElement().satisfies(sps -> assertThat(sps.h264Type()).isEqualTo(H264Nals.SPS));
        assertThat(sets.pps()).singleElement().satisfies(pps -> assertThat(pps.h264Type()).isEqualTo(H264Nals.PPS));
        assertThat(sets.toAvcC(H264ParameterSets.nalLengthSize(avcC))).isEqualTo(avcC);
    }

    @Test
    void malformedRecordsSayWhy() {
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("0242001effe000")),
            CodecException.Reason.UNSUPPORTED);
        // lengthSizeMinusOne 2: three-byte lengths, which 14496-15 does not allow
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("0142001efee000")),
            CodecException.Reason.MALFORMED);
        NalFramingTest.assertReason(() -> H264ParameterSets.nalLengthSize(Vectors.hex("0142001efee000")),
            CodecException.Reason.MALFORMED);
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("0142001effe1000967")),
            CodecException.Reason.TRUNCATED);
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("014200")),
            CodecException.Reason.TRUNCATED);
    }

    @Test
    void anAvcCNeedsAnSps() {
        NalFramingTest.assertReason(() -> new H264ParameterSets(List.of(), List.of()).toAvcC(4),
            CodecException.Reason.MISSING);
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("0164001f")),
            CodecException.Reason.TRUNCATED);
        NalFramingTest.assertReason(() -> H264ParameterSets.fromAvcC(Vectors.hex("0064001fffe1")),
            CodecException.Reason.UNSUPPORTED);
    }

    /**
     * ffmpeg's Annex B output of an MP4 (h264_mp4toannexb) holds the same NAL units as the MP4's
     * length-prefixed samples, plus the parameter sets it inserts before the IDR slice.
     */
    @Test
    void conversionsMatchFfmpegsAnnexB(@TempDir Path dir) throws IOException {
        EncodedClip clip = EncodedClip.encode(dir, "main", "320x240", "25", 0.4, "-c:v", "libx264", "-profile:v",
            "main", "-bf", "2");
        Path annexBFile = dir.resolve("main.h264");
        Ffmpeg.ffmpeg("-i", clip.mp4().toString(), "-c", "copy", "-bsf:v", "h264_mp4toannexb", "-f", "h264",
            annexBFile.toString());
        List<NalUnit> fromMp4 = new ArrayList<>();
        byte[] converted = new byte[0];
        for (var frame : clip.frames()) {
            fromMp4.addAll(LengthPrefixed.split(frame.data(), 4));
            converted = concat(converted, AnnexB.fromLengthPrefixed(frame.data(), 4));
        }
        int idr = fromMp4.indexOf(fromMp4.stream().filter(n -> n.h264Type() == H264Nals.IDR_SLICE).findFirst()
            .orElseThrow());
        fromMp4.addAll(idr, H264ParameterSets.fromAvcC(clip.track().codecPrivate()).all());
        byte[] ffmpegAnnexB = Files.readAllBytes(annexBFile);
        assertThat(AnnexB.split(ffmpegAnnexB)).isEqualTo(fromMp4);
        assertThat(AnnexB.toLengthPrefixed(converted, 4)).isEqualTo(concatFrames(clip));
    }

    private static byte[] concatFrames(EncodedClip clip) {
        byte[] all = new byte[0];
        for (var frame : clip.frames()) {
            all = concat(all, frame.data());
        }
        return all;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
