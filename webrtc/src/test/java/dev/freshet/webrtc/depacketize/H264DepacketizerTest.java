package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.freshet.webrtc.depacketize.Packets.AUD;
import static dev.freshet.webrtc.depacketize.Packets.PPS;
import static dev.freshet.webrtc.depacketize.Packets.SEI;
import static dev.freshet.webrtc.depacketize.Packets.SPS;
import static dev.freshet.webrtc.depacketize.Packets.avcc;
import static dev.freshet.webrtc.depacketize.Packets.fuA;
import static dev.freshet.webrtc.depacketize.Packets.idr;
import static dev.freshet.webrtc.depacketize.Packets.nonIdr;
import static dev.freshet.webrtc.depacketize.Packets.packet;
import static dev.freshet.webrtc.depacketize.Packets.stapA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H264DepacketizerTest {

    private final H264Depacketizer depacketizer = new H264Depacketizer();
    private final List<H264AccessUnit> out = new ArrayList<>();

    private void push(int seq, long timestamp, boolean marker, byte[] payload) {
        depacketizer.push(packet(seq, timestamp, marker, payload), out::add);
    }

    private long count(DepacketizeDrop drop) {
        return depacketizer.counters().get(drop);
    }

    @Test
    void chromiumStapAWithParameterSetsAndIdrIsOneKeyframeWithAvcC() {
        byte[] idr = idr(300);
        push(1, 9000, true, stapA(SPS, PPS, idr));

        assertThat(out).singleElement().satisfies(unit -> {
            assertThat(unit.rtpTimestamp()).isEqualTo(9000);
            assertThat(unit.keyframe()).isTrue();
            assertThat(unit.data()).isEqualTo(avcc(SPS, PPS, idr));
            assertThat(unit.newCodecPrivate()).hasValueSatisfying(avcC -> assertThat(avcC).isEqualTo(
                new H264ParameterSets(List.of(NalUnit.of(SPS)), List.of(NalUnit.of(PPS))).toAvcC(4)));
        });
    }

    @Test
    void singleNalPacketsBeforeTheIdrAndFuAFragmentsMakeOneAccessUnit() {
        byte[] idr = idr(5000);
        push(10, 3000, false, SPS);
        push(11, 3000, false, PPS);
        List<byte[]> fragments = fuA(idr, 3);
        push(12, 3000, false, fragments.get(0));
        push(13, 3000, false, fragments.get(1));
        assertThat(out).isEmpty();
        push(14, 3000, true, fragments.get(2));

        assertThat(out).singleElement().satisfies(unit -> {
            assertThat(unit.data()).isEqualTo(avcc(SPS, PPS, idr));
            assertThat(unit.keyframe()).isTrue();
        });
    }

    @Test
    void audIsRemovedAndSeiKept() {
        byte[] slice = nonIdr(50);
        push(1, 0, false, AUD);
        push(2, 0, false, SEI);
        push(3, 0, true, slice);

        assertThat(out).singleElement().satisfies(unit -> {
            assertThat(unit.data()).isEqualTo(avcc(SEI, slice));
            assertThat(unit.keyframe()).isFalse();
            assertThat(unit.newCodecPrivate()).isEmpty();
        });
    }

    @Test
    void aTimestampChangeCompletesAnAccessUnitWhoseMarkerNeverCame() {
        push(1, 0, false, nonIdr(20));
        assertThat(out).isEmpty();
        push(2, 3000, false, nonIdr(30));

        assertThat(out).singleElement().extracting(H264AccessUnit::rtpTimestamp).isEqualTo(0L);
        depacketizer.flush(out::add);
        assertThat(out).extracting(H264AccessUnit::rtpTimestamp).containsExactly(0L, 3000L);
    }

    @Test
    void aLostMiddleFragmentDropsTheAccessUnitAndTheNextIsKept() {
        List<byte[]> fragments = fuA(idr(4000), 3);
        push(1, 0, false, stapA(SPS, PPS));
        push(2, 0, false, fragments.get(0));
        push(4, 0, true, fragments.get(2));
        byte[] next = nonIdr(40);
        push(5, 3000, true, next);

        assertThat(out).singleElement().satisfies(unit -> assertThat(unit.data()).isEqualTo(avcc(next)));
        assertThat(count(DepacketizeDrop.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(1);
    }

    @Test
    void aLostMarkerPacketDamagesTheOpenAccessUnit() {
        push(1, 0, false, nonIdr(20));
        push(3, 3000, true, nonIdr(30));

        assertThat(out).extracting(H264AccessUnit::rtpTimestamp).containsExactly(3000L);
        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(1);
    }

    @Test
    void afterAGapAnAccessUnitIsKeptOnlyIfItsFirstPacketVisiblyStartsOne() {
        push(1, 0, true, nonIdr(20));
        push(3, 3000, true, Packets.slice(0x41, 20 /* first_mb 0 */));
        byte[] laterSlice = nonIdr(20);
        laterSlice[1] = 0x40; // first_mb_in_slice != 0: the picture's first slice may be what was lost
        push(5, 6000, true, laterSlice);
        push(7, 9000, false, fuA(idr(100), 2).get(1));
        push(8, 12000, true, nonIdr(20));

        assertThat(out).extracting(H264AccessUnit::rtpTimestamp).containsExactly(0L, 3000L, 12000L);
        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(2);
    }

    @Test
    void theFirstPacketInTheMiddleOfAFragmentedNalIsDropped() {
        List<byte[]> fragments = fuA(idr(3000), 3);
        push(100, 0, false, fragments.get(1));
        push(101, 0, true, fragments.get(2));

        assertThat(out).isEmpty();
        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(1);
    }

    @Test
    void duplicatesAndLateRetransmissionsAreDroppedAndCounted() {
        byte[] slice = nonIdr(20);
        push(65535, 0, false, SEI);
        push(65535, 0, false, SEI);
        push(0, 0, true, slice);
        push(65534, 0, true, slice);

        assertThat(out).singleElement().satisfies(unit -> assertThat(unit.data()).isEqualTo(avcc(SEI, slice)));
        assertThat(count(DepacketizeDrop.DUPLICATE_PACKET)).isEqualTo(2);
        assertThat(count(DepacketizeDrop.SEQUENCE_GAP)).isZero();
    }

    @Test
    void packetsReorderedOnTheWireComeOutWholeOnceTheJitterBufferSortedThem() {
        byte[] idr = idr(3600);
        List<byte[]> fragments = fuA(idr, 4);
        List<RtpPayload> wire = new ArrayList<>();
        for (int i : new int[] {2, 0, 3, 1}) {
            wire.add(packet(65534 + i, 0, i == 3, fragments.get(i)));
        }
        wire.sort(Comparator.comparingInt(p -> (short) (p.sequenceNumber() - 65534)));
        wire.forEach(p -> depacketizer.push(p, out::add));

        assertThat(out).singleElement().satisfies(unit -> assertThat(unit.data()).isEqualTo(avcc(idr)));
        assertThat(count(DepacketizeDrop.SEQUENCE_GAP)).isZero();
    }

    @Test
    void parameterSetsSentInAnAccessUnitOfTheirOwnLeadTheNextOne() {
        byte[] idr = idr(100);
        push(1, 0, true, stapA(SPS, PPS));
        assertThat(out).isEmpty();
        push(2, 3000, true, idr);

        assertThat(out).singleElement().satisfies(unit -> {
            assertThat(unit.data()).isEqualTo(avcc(SPS, PPS, idr));
            assertThat(unit.newCodecPrivate()).isPresent();
        });
    }

    @Test
    void codecPrivateIsOnlyOfferedWhenTheParameterSetsChange() {
        push(1, 0, true, stapA(SPS, PPS, idr(50)));
        push(2, 3000, true, stapA(SPS, PPS, idr(50)));
        byte[] otherPps = Packets.hex("68ce3c80");
        push(3, 6000, true, stapA(SPS, otherPps, idr(50)));

        assertThat(out).extracting(unit -> unit.newCodecPrivate().isPresent()).containsExactly(true, false, true);
        assertThat(depacketizer.parameterSets().pps()).containsExactly(NalUnit.of(otherPps));
    }

    @Test
    void interleavedModePacketsAreSkippedAndCounted() {
        push(1, 0, false, new byte[] {0x79, 0, 0, 0, 2, 0x41, (byte) 0x80}); // STAP-B
        push(2, 0, true, nonIdr(10));
        push(3, 3000, false, new byte[] {0x7D, (byte) 0x85, 0, 0, 1}); // FU-B
        push(4, 6000, true, new byte[] {0x1E, 1}); // type 30: reserved, ignored

        assertThat(out).isEmpty();
        assertThat(count(DepacketizeDrop.UNSUPPORTED_PACKET_TYPE)).isEqualTo(2);
        assertThat(count(DepacketizeDrop.RESERVED_NAL_TYPE)).isEqualTo(1);
        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(2);
    }

    @Test
    void malformedPayloadsThrowTheirReasonAndDamageTheirAccessUnit() {
        assertMalformed(new byte[0], DepacketizeMalformed.H264_EMPTY_PAYLOAD);
        assertMalformed(new byte[] {0x7C}, DepacketizeMalformed.H264_TRUNCATED_FU_A);
        assertMalformed(new byte[] {0x7C, (byte) 0xC5, 1}, DepacketizeMalformed.H264_FU_A_START_AND_END);
        assertMalformed(new byte[] {0x7C, (byte) 0x98, 1}, DepacketizeMalformed.H264_BAD_FRAGMENTED_NAL);
        assertMalformed(new byte[] {0x78}, DepacketizeMalformed.H264_TRUNCATED_STAP_A);
        assertMalformed(new byte[] {0x78, 0, 5, 0x41}, DepacketizeMalformed.H264_TRUNCATED_STAP_A);
        assertMalformed(new byte[] {0x78, 0, 1, 0x41, 0}, DepacketizeMalformed.H264_TRUNCATED_STAP_A);
        assertMalformed(new byte[] {0x78, 0, 0}, DepacketizeMalformed.H264_BAD_AGGREGATED_NAL);
        assertMalformed(new byte[] {0x78, 0, 2, 0x7C, 1}, DepacketizeMalformed.H264_BAD_AGGREGATED_NAL);
        assertMalformed(new byte[] {0x67, 0x42}, DepacketizeMalformed.H264_BAD_PARAMETER_SET);

        assertThat(count(DepacketizeDrop.DAMAGED_ACCESS_UNIT)).isEqualTo(10);
    }

    private int nextSeq = 1000;

    private void assertMalformed(byte[] payload, DepacketizeMalformed reason) {
        int seq = nextSeq++;
        assertThatThrownBy(() -> push(seq, seq, true, payload))
            .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        // the access unit stays open and damaged: the next packet, at another timestamp, closes it
        push(nextSeq++, seq + 1L, true, nonIdr(10));
        assertThat(out).extracting(H264AccessUnit::rtpTimestamp).containsExactly(seq + 1L);
        out.clear();
    }
}
