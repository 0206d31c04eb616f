package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** hvcC and H.265 SPS fields against what ffprobe reported for {@link Vectors}' libx265 streams. */
class HevcConfigTest {

    @Test
    void mainProfileRecord() {
        HevcDecoderConfig config = HevcDecoderConfig.parse(Vectors.HVCC_MAIN);
        HevcProfileTierLevel general = config.general();
        assertThat(general.profileSpace()).isZero();
        assertThat(general.highTier()).isFalse();
        assertThat(general.profileIdc()).isEqualTo(1);
        assertThat(general.compatibilityFlags()).isEqualTo(0x60000000);
        assertThat(general.constraintFlags()).isEqualTo(0x900000000000L);
        assertThat(general.levelIdc()).isEqualTo(63);
        assertThat(config.chromaFormatIdc()).isEqualTo(1);
        assertThat(config.bitDepthLuma()).isEqualTo(8);
        assertThat(config.nalLengthSize()).isEqualTo(4);
        assertThat(config.arrays()).extracting(HevcDecoderConfig.NalArray::nalType).containsExactly(32, 33, 34);
        assertThat(config.units(H265Nals.VPS)).hasSize(1);
    }

    @Test
    void spsConformanceWindowGivesTheDisplaySize() {
        H265Sps sps = HevcDecoderConfig.parse(Vectors.HVCC_MAIN).firstSps();
        assertThat(sps.codedWidth()).isEqualTo(640);
        assertThat(sps.codedHeight()).isEqualTo(360);
        assertThat(sps.width()).isEqualTo(636);
        assertThat(sps.height()).isEqualTo(358);
        assertThat(sps.general()).isEqualTo(HevcDecoderConfig.parse(Vectors.HVCC_MAIN).general());
    }

    @Test
    void mainTen() {
        HevcDecoderConfig config = HevcDecoderConfig.parse(Vectors.HVCC_MAIN10);
        assertThat(config.general().profileIdc()).isEqualTo(2);
        assertThat(config.bitDepthLuma()).isEqualTo(10);
        H265Sps sps = config.firstSps();
        assertThat(sps.bitDepthLuma()).isEqualTo(10);
        assertThat(sps.width()).isEqualTo(640);
        assertThat(sps.height()).isEqualTo(360);
    }

    @Test
    void subLayerProfilesAreSkipped() {
        // sps_max_sub_layers_minus1 = 2: flags for two sub-layers (first with profile and level),
        // six reserved pairs, then 88 + 8 bits for the first
        BitWriter w = new BitWriter().u(4, 0).u(3, 2).flag(true)
            .u(2, 0).flag(true).u(5, 2).u(32, 0x20000000L).u(48, 0xB00000000000L).u(8, 153)
            .flag(true).flag(true).flag(false).flag(false).u(12, 0)
            .u(32, 0).u(32, 0).u(24, 0).u(8, 0)
            .ue(1).ue(1).ue(1920).ue(1088).flag(true).ue(0).ue(0).ue(0).ue(4).ue(2).ue(2);
        H265Sps sps = H265Sps.parse(w.nal(0x42, 0x01));
        assertThat(sps.general()).isEqualTo(new HevcProfileTierLevel(0, true, 2, 0x20000000, 0xB00000000000L, 153));
        assertThat(sps.spsId()).isEqualTo(1);
        assertThat(sps.width()).isEqualTo(1920);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.bitDepthChroma()).isEqualTo(10);
    }

    @Test
    void malformedRecordsAreRefused() {
        NalFramingTest.assertReason(() -> HevcDecoderConfig.parse(Vectors.hex("0101600000")),
            CodecException.Reason.TRUNCATED);
        NalFramingTest.assertReason(() -> HevcDecoderConfig.parse(Vectors.hex("00000001")),
            CodecException.Reason.UNSUPPORTED);
        NalFramingTest.assertReason(() -> H265Sps.parse(Vectors.hex("40010c01")), CodecException.Reason.MALFORMED);
        byte[] noSps = Vectors.hex("0101600000009000000000003ff000fcfdf8f800000f00");
        NalFramingTest.assertReason(() -> HevcDecoderConfig.parse(noSps).firstSps(), CodecException.Reason.MISSING);
    }
}
