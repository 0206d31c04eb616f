package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.freshet.webrtc.receive.Released.payload;
import static org.assertj.core.api.Assertions.assertThat;

class ReorderBufferTest {

    private final ReorderBuffer buffer = new ReorderBuffer(100_000, 8);
    private final Released out = new Released();

    private void arrive(long micros, int... seqs) {
        for (int seq : seqs) {
            buffer.push(payload(seq), micros, out);
        }
    }

    @Test
    void packetsInOrderPassStraightThrough() {
        arrive(0, 10, 11, 12, 13);

        assertThat(out.events).containsExactly("10", "11", "12", "13");
        assertThat(buffer.heldCount()).isZero();
    }

    @Test
    void swappedPairsComeOutInOrder() {
        arrive(0, 1, 3, 2, 5, 4, 7, 6);

        assertThat(out.events).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(buffer.counters().get(ReorderBuffer.Counter.GAPS)).isZero();
    }

    @Test
    void aBurstLossIsWaitedForAndFilledByLateArrivals() {
        arrive(0, 1, 5, 6);
        buffer.tick(99_999, out);
        arrive(50_000, 3, 2, 4);

        assertThat(out.events).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void aLossIsSkippedAfterTheWaitAndItsLateArrivalDropped() {
        arrive(0, 1, 4);
        arrive(40_000, 5);
        buffer.tick(99_999, out);
        assertThat(out.events).containsExactly("1");

        buffer.tick(100_000, out);
        arrive(120_000, 2, 3);

        assertThat(out.events).containsExactly("1", "gap 2+2", "4", "5");
        assertThat(buffer.counters().get(ReorderBuffer.Counter.LATE)).isEqualTo(2);
        assertThat(buffer.counters().get(ReorderBuffer.Counter.SKIPPED)).isEqualTo(2);
    }

    @Test
    void theWaitForALaterHoleCountsFromWhenItShowed() {
        arrive(0, 1, 3);
        arrive(60_000, 5);
        buffer.tick(100_000, out);
        assertThat(out.events).containsExactly("1", "gap 2+1", "3");

        buffer.tick(159_999, out);
        assertThat(out.events).hasSize(3);
        buffer.tick(160_000, out);
        assertThat(out.events).containsExactly("1", "gap 2+1", "3", "gap 4+1", "5");
    }

    @Test
    void aFullBufferSkipsTheOldestHoles() {
        arrive(0, 1, 3, 4, 5, 6, 7, 8, 9);
        assertThat(out.events).containsExactly("1");

        arrive(0, 10);

        assertThat(out.events).containsExactly("1", "gap 2+1", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void aJumpFarAheadSkipsEverythingBetween() {
        arrive(0, 1, 3, 1000);

        assertThat(out.events).containsExactly("1", "gap 2+1", "3", "gap 4+989");
        assertThat(buffer.heldCount()).isEqualTo(1);

        buffer.tick(100_000, out);
        assertThat(out.events).endsWith("gap 993+7", "1000");
    }

    @Test
    void duplicatesAndPacketsBeforeTheLastReleasedAreDroppedAndCounted() {
        arrive(0, 5, 7, 7, 5, 4, 6, 6);

        assertThat(out.events).containsExactly("5", "6", "7");
        assertThat(buffer.counters().get(ReorderBuffer.Counter.DUPLICATE)).isEqualTo(1);
        assertThat(buffer.counters().get(ReorderBuffer.Counter.LATE)).isEqualTo(3);
    }

    @Test
    void sequenceNumbersWrapFrom65535ToZero() {
        arrive(0, 65533, 65535, 0, 65534, 2, 1);

        assertThat(out.events).containsExactly("65533", "65534", "65535", "0", "1", "2");
    }

    @Test
    void aHoleAcrossTheWrapIsReportedWithItsWrappedNumber() {
        arrive(0, 65534, 1);
        buffer.tick(100_000, out);

        assertThat(out.events).containsExactly("65534", "gap 65535+2", "1");
    }

    @Test
    void heldPacketsAreCopiesSoTheCallerMayReuseItsBuffer() {
        byte[] datagram = OutgoingRtpPacket.of(false, 96, 3, 1000, 1, new byte[] {3}).encode();
        buffer.push(payload(1), 0, out);
        buffer.push(RtpPacket.decode(datagram, 0, datagram.length), 0, out);
        Arrays.fill(datagram, (byte) 0x77);
        buffer.push(RtpPayload.of(2, 1000, false, new byte[] {2}), 0, out);

        assertThat(out.events).containsExactly("1", "2", "3");
    }
}
