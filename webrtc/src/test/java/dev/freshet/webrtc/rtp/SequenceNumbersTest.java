package dev.freshet.webrtc.rtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceNumbersTest {

    @Test
    void newerAcrossTheWrap() {
        assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumbers.distance(65530, 5)).isEqualTo(11);
        assertThat(SequenceNumbers.distance(5, 65530)).isEqualTo(-11);
        assertThat(SequenceNumbers.compare(7, 7)).isZero();
        assertThat(SequenceNumbers.add(65535, 1)).isZero();
    }

    @Test
    void halfWayRoundIsAntisymmetric() {
        assertThat(SequenceNumbers.distance(0, 32768)).isEqualTo(32768);
        assertThat(SequenceNumbers.distance(32768, 0)).isEqualTo(-32768);
        assertThat(SequenceNumbers.isNewer(32768, 0)).isNotEqualTo(SequenceNumbers.isNewer(0, 32768));
    }

    @Test
    void everyNumberIsNewerThanItsPredecessorsAndOlderThanItsSuccessors() {
        for (int seq = 0; seq <= 0xFFFF; seq++) {
            for (int step : new int[] {1, 100, 32767}) {
                int next = SequenceNumbers.add(seq, step);
                assertThat(SequenceNumbers.isNewer(next, seq)).isTrue();
                assertThat(SequenceNumbers.distance(seq, next)).isEqualTo(step);
                assertThat(SequenceNumbers.distance(next, seq)).isEqualTo(-step);
            }
        }
    }

    @Test
    void timestampsWrapAt32Bits() {
        assertThat(RtpTimestamps.isNewer(10, 0xFFFF_FFF0L)).isTrue();
        assertThat(RtpTimestamps.distance(0xFFFF_FFF0L, 10)).isEqualTo(26);
        assertThat(RtpTimestamps.add(0xFFFF_FFFFL, 2)).isEqualTo(1);
    }

    @Test
    void unwrapsALongSweepOfSequenceNumbers() {
        Unwrapper u = Unwrapper.forSequenceNumbers();
        long start = 65000;
        for (long i = start; i < start + 5 * 65536; i += 7) {
            assertThat(u.unwrap(i & 0xFFFF)).isEqualTo(i);
        }
    }

    @Test
    void placesLateAndReorderedPacketsBehindTheNewest() {
        Unwrapper u = Unwrapper.forSequenceNumbers();
        List<Long> out = new ArrayList<>();
        for (int seq : new int[] {65534, 0, 65535, 1, 65533, 3, 2}) {
            out.add(u.unwrap(seq));
        }
        assertThat(out).containsExactly(65534L, 65536L, 65535L, 65537L, 65533L, 65539L, 65538L);
        assertThat(u.newest()).isEqualTo(65539L);
    }

    @Test
    void aPacketFromBeforeTheFirstWrapUnwrapsNegative() {
        Unwrapper u = Unwrapper.forSequenceNumbers();
        assertThat(u.unwrap(2)).isEqualTo(2);
        assertThat(u.unwrap(65535)).isEqualTo(-1);
        assertThat(u.unwrap(3)).isEqualTo(3);
    }

    @Test
    void unwrapsTimestampsAcrossSeveralWraps() {
        Unwrapper u = Unwrapper.forTimestamps();
        long step = 90_000L * 3_000; // 50 minutes of 90 kHz ticks at a time
        for (long t = 0xFFFF_0000L; t < 6 * (1L << 32); t += step) {
            assertThat(u.unwrap(t & 0xFFFF_FFFFL)).isEqualTo(t);
        }
    }
}
