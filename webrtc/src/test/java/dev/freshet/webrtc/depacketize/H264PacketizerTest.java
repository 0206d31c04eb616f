package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.freshet.webrtc.depacketize.Packets.PPS;
import static dev.freshet.webrtc.depacketize.Packets.SPS;
import static dev.freshet.webrtc.depacketize.Packets.avcc;
import static dev.freshet.webrtc.depacketize.Packets.idr;
import static dev.freshet.webrtc.depacketize.Packets.nonIdr;
import static dev.freshet.webrtc.depacketize.Packets.stapA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H264PacketizerTest {

    private final H264Packetizer packetizer = new H264Packetizer(1200, 4, 65534);

    @Test
    void parameterSetsGoInAStapAAndALargeIdrInFuAFragmentsWithTheMarkerOnTheLast() {
        byte[] idr = idr(3000);
        List<RtpPayload> packets = packetizer.packetize(avcc(SPS, PPS, idr), 90_000);

        assertThat(packets).hasSize(4);
        assertThat(packets.get(0).toByteArray()).isEqualTo(stapA(SPS, PPS));
        assertThat(packets).extracting(RtpPayload::sequenceNumber).containsExactly(65534, 65535, 0, 1);
        assertThat(packets).extracting(RtpPayload::marker).containsExactly(false, false, false, true);
        assertThat(packets).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(1200);
            assertThat(p.timestamp()).isEqualTo(90_000);
        });
        assertThat(packets.subList(1, 4)).extracting(p -> p.byteAt(0)).containsOnly(0x60 | 28);
        assertThat(packets.subList(1, 4)).extracting(p -> p.byteAt(1)).containsExactly(0x85, 0x05, 0x45);
        // 2999 bytes after the NAL header shared out in near-equal parts
        assertThat(packets.subList(1, 4)).extracting(RtpPayload::length).containsExactly(1002, 1002, 1001);
    }

    @Test
    void aNalUnitThatFitsAloneIsASingleNalUnitPacket() {
        byte[] slice = nonIdr(1200);
        List<RtpPayload> packets = packetizer.packetize(avcc(slice), 0);

        assertThat(packets).singleElement().satisfies(p -> {
            assertThat(p.toByteArray()).isEqualTo(slice);
            assertThat(p.marker()).isTrue();
        });
    }

    @Test
    void anIdrWithoutInBandParameterSetsGetsThoseOfTheTrack() {
        packetizer.useParameterSets(new H264ParameterSets(List.of(NalUnit.of(SPS)), List.of(NalUnit.of(PPS))));
        byte[] idr = idr(500);
        byte[] slice = nonIdr(500);

        assertThat(packetizer.packetize(avcc(idr), 0)).extracting(RtpPayload::toByteArray)
            .containsExactly(stapA(SPS, PPS, idr));
        assertThat(packetizer.packetize(avcc(slice), 3000)).extracting(RtpPayload::toByteArray)
            .containsExactly(slice);
    }

    @Test
    void itsPacketsDepacketizeToTheSameAccessUnit() {
        byte[] unit = avcc(SPS, PPS, Packets.SEI, idr(2500), idr(40));
        H264Depacketizer depacketizer = new H264Depacketizer();
        List<H264AccessUnit> out = new ArrayList<>();
        packetizer.packetize(unit, 7).forEach(p -> depacketizer.push(p, out::add));

        assertThat(out).singleElement().satisfies(u -> assertThat(u.data()).isEqualTo(unit));
    }

    @Test
    void frameDataThatIsNotLengthPrefixedIsMalformed() {
        assertThatThrownBy(() -> packetizer.packetize(new byte[] {0, 0, 0, 9, 0x65}, 0))
            .isInstanceOfSatisfying(MalformedInputException.class,
                e -> assertThat(e.reason()).isEqualTo(DepacketizeMalformed.H264_BAD_FRAME_DATA));
    }
}
