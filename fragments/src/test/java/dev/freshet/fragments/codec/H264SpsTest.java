package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPS fields against what ffprobe reported for the ffmpeg-made streams of {@link Vectors}. */
class H264SpsTest {

    @Test
    void constrainedBaseline() {
        H264Sps sps = sps(Vectors.AVCC_BASELINE);
        assertThat(sps.profileIdc()).isEqualTo(66);
        assertThat(sps.constraintFlags()).isEqualTo(0xC0);
        assertThat(sps.levelIdc()).isEqualTo(30);
        assertThat(sps.width()).isEqualTo(320);
        assertThat(sps.height()).isEqualTo(240);
        assertThat(sps.chromaFormatIdc()).isEqualTo(1);
        assertThat(sps.bitDepthLuma()).isEqualTo(8);
        assertThat(sps.frameMbsOnly()).isTrue();
        assertThat(sps.timing()).hasValueSatisfying(t -> assertThat(t.frameRate()).isEqualTo(25.0));
    }

    @Test
    void mainWithCroppingToAnOddSize() {
        H264Sps sps = sps(Vectors.AVCC_MAIN);
        assertThat(sps.profileIdc()).isEqualTo(77);
        assertThat(sps.levelIdc()).isEqualTo(12);
        assertThat(sps.codedWidth()).isEqualTo(320);
        assertThat(sps.codedHeight()).isEqualTo(192);
        assertThat(sps.width()).isEqualTo(318);
        assertThat(sps.height()).isEqualTo(178);
    }

    @Test
    void high() {
        H264Sps sps = sps(Vectors.AVCC_HIGH);
        assertThat(sps.profileIdc()).isEqualTo(100);
        assertThat(sps.levelIdc()).isEqualTo(31);
        assertThat(sps.width()).isEqualTo(1280);
        assertThat(sps.height()).isEqualTo(720);
        assertThat(sps.timing()).hasValueSatisfying(t -> assertThat(t.frameRate()).isEqualTo(30.0));
    }

    @Test
    void highFourFourFourAndHighTen() {
        H264Sps yuv444 = sps(Vectors.AVCC_HIGH444);
        assertThat(yuv444.profileIdc()).isEqualTo(244);
        assertThat(yuv444.chromaFormatIdc()).isEqualTo(3);
        assertThat(yuv444.width()).isEqualTo(176);
        assertThat(yuv444.height()).isEqualTo(144);
        H264Sps tenBit = sps(Vectors.AVCC_HIGH10);
        assertThat(tenBit.profileIdc()).isEqualTo(110);
        assertThat(tenBit.bitDepthLuma()).isEqualTo(10);
        assertThat(tenBit.bitDepthChroma()).isEqualTo(10);
    }

    @Test
    void interlacedFramesCountFieldPairs() {
        H264Sps sps = sps(Vectors.AVCC_INTERLACED);
        assertThat(sps.frameMbsOnly()).isFalse();
        assertThat(sps.width()).isEqualTo(720);
        assertThat(sps.height()).isEqualTo(576);
    }

    @Test
    void fullHdIsCroppedFrom1088AndKeepsNtscTiming() {
        H264Sps sps = sps(Vectors.AVCC_FHD);
        assertThat(sps.codedHeight()).isEqualTo(1088);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.levelIdc()).isEqualTo(40);
        assertThat(sps.timing()).hasValue(new H264Sps.VuiTiming(1001, 60000, false));
    }

    @Test
    void everySyntaxBranchIsRead() {
        // profile 100 with a scaling matrix (a full list, then one that ends early: useDefaultScalingMatrixFlag),
        // poc type 1 with a cycle, field coding, cropping and a VUI
        // with extended SAR, video signal type and chroma location before the timing
        BitWriter w = new BitWriter().u(8, 100).u(8, 0).u(8, 40).ue(3)
            .ue(1).ue(0).ue(0).flag(false).flag(true);
        w.flag(true).se(0).se(3);
        for (int j = 2; j < 16; j++) {
            w.se(0);
        }
        w.flag(true).se(-8);
        for (int i = 2; i < 8; i++) {
            w.flag(false);
        }
        w.ue(2).ue(1).flag(false).se(-1).se(2).ue(2).se(1).se(-1).ue(4).flag(false)
            .ue(44).ue(17).flag(false).flag(true).flag(true)
            .flag(true).ue(0).ue(8).ue(0).ue(4)
            .flag(true).flag(true).u(8, 255).u(16, 64).u(16, 45).flag(true).flag(false)
            .flag(true).u(3, 5).flag(false).flag(true).u(8, 1).u(8, 1).u(8, 1)
            .flag(true).ue(0).ue(0)
            .flag(true).u(32, 1001).u(32, 60000).flag(true);
        H264Sps sps = H264Sps.parse(w.nal(0x67));
        assertThat(sps.spsId()).isEqualTo(3);
        assertThat(sps.picOrderCntType()).isEqualTo(1);
        assertThat(sps.maxNumRefFrames()).isEqualTo(4);
        assertThat(sps.frameMbsOnly()).isFalse();
        assertThat(sps.codedWidth()).isEqualTo(720);
        assertThat(sps.codedHeight()).isEqualTo(576);
        assertThat(sps.width()).isEqualTo(720 - 2 * 8);
        assertThat(sps.height()).isEqualTo(576 - 4 * 4);
        assertThat(sps.timing()).hasValue(new H264Sps.VuiTiming(1001, 60000, true));
    }

    @Test
    void notAnSpsIsMalformed() {
        NalFramingTest.assertReason(() -> H264Sps.parse(Vectors.hex("68ce3c80")), CodecException.Reason.MALFORMED);
    }

    @Test
    void croppingAwayThePictureIsMalformed() {
        byte[] nal = new BitWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(2).ue(1).flag(false)
            .ue(0).ue(0).flag(true).flag(true).flag(true).ue(4).ue(4).ue(0).ue(0).flag(false).nal(0x67);
        NalFramingTest.assertReason(() -> H264Sps.parse(nal), CodecException.Reason.MALFORMED);
    }

    @Test
    void thePpsNamesItsSpsAndEntropyCoder() {
        H264Pps pps = H264Pps.parse(H264ParameterSets.fromAvcC(Vectors.AVCC_MAIN).pps().get(0));
        assertThat(pps.ppsId()).isZero();
        assertThat(pps.spsId()).isZero();
        assertThat(pps.cabac()).isTrue();
        H264Pps baseline = H264Pps.parse(H264ParameterSets.fromAvcC(Vectors.AVCC_BASELINE).pps().get(0));
        assertThat(baseline.cabac()).isFalse();
    }

    static H264Sps sps(byte[] avcC) {
        return H264ParameterSets.fromAvcC(avcC).firstSps();
    }
}
