package dev.freshet.webrtc.receive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NackGeneratorTest {

    private static final long MS = 1000;

    /** 10 ms allowance, 50 ms retries, 3 tries, given up after 1 s, 100 tracked. */
    private final NackGenerator nacks =
        new NackGenerator(new NackGenerator.Config(10 * MS, 50 * MS, 3, 1000 * MS, 100));

    private void arrive(long ms, int... seqs) {
        for (int seq : seqs) {
            nacks.onPacket(seq, ms * MS);
        }
    }

    @Test
    void aHoleIsAskedForAfterTheAllowanceThenRetriedEveryIntervalUntilTheRetriesRunOut() {
        arrive(0, 100, 101, 104);

        assertThat(nacks.tick(9 * MS)).isEmpty();
        assertThat(nacks.tick(10 * MS)).containsExactly(102, 103);
        assertThat(nacks.tick(59 * MS)).isEmpty();
        assertThat(nacks.tick(60 * MS)).containsExactly(102, 103);
        assertThat(nacks.tick(110 * MS)).containsExactly(102, 103);
        assertThat(nacks.tick(159 * MS)).isEmpty();
        assertThat(nacks.trackedCount()).isEqualTo(2);
        assertThat(nacks.tick(160 * MS)).isEmpty();

        assertThat(nacks.trackedCount()).isZero();
        assertThat(nacks.counters().get(NackGenerator.Counter.REQUESTED)).isEqualTo(6);
        assertThat(nacks.counters().get(NackGenerator.Counter.LOST)).isEqualTo(2);
    }

    @Test
    void eachHoleKeepsItsOwnSchedule() {
        arrive(0, 1, 3);
        arrive(30, 5);

        assertThat(nacks.tick(10 * MS)).containsExactly(2);
        assertThat(nacks.tick(40 * MS)).containsExactly(4);
        assertThat(nacks.tick(60 * MS)).containsExactly(2);
        assertThat(nacks.tick(90 * MS)).containsExactly(4);
    }

    @Test
    void aRetransmissionClearsItsHoleAndCountsAsRecovered() {
        arrive(0, 1, 4);
        assertThat(nacks.tick(10 * MS)).containsExactly(2, 3);

        arrive(30, 3);

        assertThat(nacks.tick(60 * MS)).containsExactly(2);
        assertThat(nacks.counters().get(NackGenerator.Counter.RECOVERED)).isEqualTo(1);
    }

    @Test
    void aPacketMerelyReorderedIsNeverAskedFor() {
        arrive(0, 1, 3);
        arrive(5, 2);

        assertThat(nacks.tick(10 * MS)).isEmpty();
        assertThat(nacks.counters().get(NackGenerator.Counter.REORDERED)).isEqualTo(1);
        assertThat(nacks.counters().get(NackGenerator.Counter.REQUESTED)).isZero();
    }

    @Test
    void holesOlderThanTheMaximumAgeAreGivenUp() {
        NackGenerator shortLived = new NackGenerator(new NackGenerator.Config(10 * MS, 50 * MS, 10, 100 * MS, 100));
        shortLived.onPacket(1, 0);
        shortLived.onPacket(3, 0);

        assertThat(shortLived.tick(10 * MS)).containsExactly(2);
        assertThat(shortLived.tick(60 * MS)).containsExactly(2);
        assertThat(shortLived.tick(101 * MS)).isEmpty();
        assertThat(shortLived.counters().get(NackGenerator.Counter.LOST)).isEqualTo(1);
    }

    @Test
    void onlyTheNewestHolesAreTrackedWhenTooManyOpen() {
        arrive(0, 0, 150);

        assertThat(nacks.trackedCount()).isEqualTo(100);
        assertThat(nacks.counters().get(NackGenerator.Counter.LOST)).isEqualTo(49);
        assertThat(nacks.tick(10 * MS)).first().isEqualTo(50);
    }

    @Test
    void holesAcrossTheWrapAreListedOldestFirst() {
        arrive(0, 65533, 2);

        assertThat(nacks.tick(10 * MS)).containsExactly(65534, 65535, 0, 1);
    }

    @Test
    void theMeasuredRoundTripPacesTheRetries() {
        arrive(0, 1, 3);
        nacks.setRoundTripMicros(200 * MS);

        assertThat(nacks.tick(10 * MS)).containsExactly(2);
        assertThat(nacks.tick(209 * MS)).isEmpty();
        assertThat(nacks.tick(210 * MS)).containsExactly(2);
    }
}
