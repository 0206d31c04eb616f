package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.freshet.fragments.testmedia.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NalFramingTest {

    private static final List<NalUnit> NALS = List.of(NalUnit.of(hex("6742c01e")), NalUnit.of(hex("68ce3c80")),
        NalUnit.of(hex("65888400000301")));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void lengthPrefixedRoundTrip(int lengthSize) {
        byte[] framed = LengthPrefixed.join(NALS, lengthSize);
        assertThat(framed).hasSize(LengthPrefixed.encodedSize(NALS, lengthSize));
        assertThat(LengthPrefixed.split(framed, lengthSize)).isEqualTo(NALS);
    }

    @Test
    void lengthPrefixedLayout() {
        assertThat(LengthPrefixed.join(List.of(NalUnit.of(hex("0901"))), 4)).isEqualTo(hex("000000020901"));
        assertThat(LengthPrefixed.join(List.of(NalUnit.of(hex("0901"))), 2)).isEqualTo(hex("00020901"));
    }

    @Test
    void zeroLengthsAreSkipped() {
        assertThat(LengthPrefixed.split(hex("00000000000000020901"), 4)).containsExactly(NalUnit.of(hex("0901")));
    }

    @Test
    void truncatedUnitsAreRefused() {
        assertReason(() -> LengthPrefixed.split(hex("000000050901"), 4), CodecException.Reason.TRUNCATED);
        assertReason(() -> LengthPrefixed.split(hex("00000002090100"), 4), CodecException.Reason.TRUNCATED);
        assertReason(() -> LengthPrefixed.split(hex("0102"), 3), CodecException.Reason.MALFORMED);
    }

    @Test
    void unitsTooLongForTheLengthSizeAreRefused() {
        NalUnit big = NalUnit.of(new byte[300]);
        assertReason(() -> LengthPrefixed.join(List.of(big), 1), CodecException.Reason.UNSUPPORTED);
    }

    @Test
    void annexBFindsThreeAndFourByteStartCodes() {
        byte[] stream = hex("000000016742c01e" + "00000168ce3c80" + "0000" + "0000000165888400000301");
        assertThat(AnnexB.split(stream)).isEqualTo(NALS);
    }

    @Test
    void annexBIgnoresLeadingGarbageAndEmptyUnits() {
        assertThat(AnnexB.split(hex("ffee000001000001" + "0901" + "000000"))).containsExactly(NalUnit.of(hex("0901")));
        assertThat(AnnexB.split(hex("0901"))).isEmpty();
    }

    @Test
    void annexBRoundTrips() {
        byte[] annexB = AnnexB.join(NALS);
        assertThat(annexB).startsWith(0, 0, 0, 1, 0x67);
        assertThat(AnnexB.split(annexB)).isEqualTo(NALS);
        assertThat(AnnexB.fromLengthPrefixed(AnnexB.toLengthPrefixed(annexB, 4), 4)).isEqualTo(annexB);
    }

    @Test
    void keyframesAreFramesWithIdrSlices() {
        byte[] idr = LengthPrefixed.join(NALS, 4);
        byte[] nonIdr = LengthPrefixed.join(List.of(NalUnit.of(hex("419a"))), 4);
        assertThat(H264Nals.isKeyframe(idr, 4)).isTrue();
        assertThat(H264Nals.isKeyframe(nonIdr, 4)).isFalse();
        assertThat(H264Nals.isKeyframeAnnexB(AnnexB.join(NALS))).isTrue();
    }

    @Test
    void h265KeyframesAreIrapPictures() {
        // types 19 (IDR_W_RADL), 21 (CRA) and 1 (TRAIL_R) in the first header byte's bits 1..6
        assertThat(H265Nals.isKeyframe(LengthPrefixed.join(List.of(NalUnit.of(hex("2601af"))), 4), 4)).isTrue();
        assertThat(H265Nals.isKeyframe(LengthPrefixed.join(List.of(NalUnit.of(hex("2a01af"))), 4), 4)).isTrue();
        assertThat(H265Nals.isKeyframe(LengthPrefixed.join(List.of(NalUnit.of(hex("0201af"))), 4), 4)).isFalse();
        assertThat(H265Nals.isKeyframeAnnexB(hex("000000012601af"))).isTrue();
    }

    static void assertReason(Runnable parse, CodecException.Reason reason) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(CodecException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
