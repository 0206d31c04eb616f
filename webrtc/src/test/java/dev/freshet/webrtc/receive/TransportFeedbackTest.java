package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.TransportCc;
import dev.freshet.webrtc.rtp.Unwrapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TransportFeedbackTest {

    private static final long MS = 1000;
    /** A multiple of 64 ms, so the first delta of a report sent at once is 0. */
    private static final long T0 = 64_000 * 1000;
    private static final int NR = TransportCc.NOT_RECEIVED;

    private final TransportFeedback feedback = new TransportFeedback(1);

    /** Each report as the sender reads it: encoded, then decoded. */
    private List<TransportCc> tick(long nowMicros) {
        List<TransportCc> decoded = new ArrayList<>();
        for (TransportCc report : feedback.tick(nowMicros)) {
            assertThat(report.encodedSize()).isLessThanOrEqualTo(TransportFeedback.MAX_REPORT_BYTES);
            decoded.add(TransportCc.decode(report.encode(), 0, report.encodedSize()));
        }
        return decoded;
    }

    /**
     * What reports say, as a sender reconstructs it: sequence number (unwrapped from {@code first}) to arrival
     * time (reference time plus deltas, microseconds) or -1 for not received; later reports override.
     */
    private static Map<Long, Long> reconstruct(List<TransportCc> reports, int first) {
        Unwrapper unwrapper = Unwrapper.forSequenceNumbers();
        unwrapper.unwrap(first);
        Map<Long, Long> seen = new TreeMap<>();
        for (TransportCc report : reports) {
            long seq = unwrapper.unwrap(report.baseSequenceNumber());
            long time = (long) report.referenceTime() * TransportCc.REFERENCE_MICROS;
            for (int delta : report.deltas()) {
                if (delta == NR) {
                    seen.put(seq++, -1L);
                } else {
                    time += (long) delta * TransportCc.DELTA_MICROS;
                    seen.put(seq++, time);
                }
            }
        }
        return seen;
    }

    @Test
    void aKnownArrivalPatternGivesItsStatusesAndDeltas() {
        feedback.onPacket(100, 0xA, T0);
        feedback.onPacket(101, 0xA, T0 + 1000);
        feedback.onPacket(103, 0xB, T0 + 2500);
        feedback.onPacket(104, 0xB, T0 + 2000);

        List<TransportCc> reports = tick(T0 + 3 * MS);

        assertThat(reports).containsExactly(new TransportCc(1, 0xB, 100, 1000, 0, List.of(0, 4, NR, 6, -2)));
        assertThat(feedback.counters().get(TransportFeedback.Counter.FEEDBACK_SENT)).isEqualTo(1);
    }

    @Test
    void reportsGoOutEveryIntervalWithTheNextBaseAndCount() {
        feedback.onPacket(7, 0xA, T0);
        assertThat(tick(T0)).hasSize(1);
        feedback.onPacket(8, 0xA, T0 + 10 * MS);
        assertThat(tick(T0 + 49 * MS)).isEmpty();

        List<TransportCc> reports = tick(T0 + 50 * MS);

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.baseSequenceNumber()).isEqualTo(8);
            assertThat(r.feedbackPacketCount()).isEqualTo(1);
            assertThat(r.deltas()).containsExactly(40);
        });
        assertThat(tick(T0 + 100 * MS)).as("nothing new").isEmpty();
    }

    @Test
    void aWrappingSequenceIsReportedWithoutHolesOrDuplicatesAtAnyStart() {
        for (int start = 0; start < 65536; start += 997) {
            sweep(start);
        }
        sweep(65535);
        sweep(65535 - 150);
    }

    private void sweep(int start) {
        TransportFeedback fresh = new TransportFeedback(1);
        List<TransportCc> reports = new ArrayList<>();
        long t = 1_700_000_000_000_000L;
        long[] sent = new long[300];
        for (int i = 0; i < sent.length; i++) {
            t += 333;
            sent[i] = i % 7 == 3 ? -1 : t;
            if (sent[i] >= 0) {
                fresh.onPacket((start + i) & 0xFFFF, 0xA, t);
            }
            if (i % 10 == 0) {
                reports.addAll(fresh.tick(t));
            }
        }
        reports.addAll(fresh.tick(t + TransportFeedback.INTERVAL_MICROS));
        Map<Long, Long> seen = reconstruct(reports, start);
        assertThat(seen).as("start %d", start).hasSize(sent.length);
        long epochShift = -1;
        for (int i = 0; i < sent.length; i++) {
            long reported = seen.get((long) start + i);
            if (sent[i] < 0) {
                assertThat(reported).isEqualTo(-1);
                continue;
            }
            // the 24-bit reference time wraps; the sender sees times modulo that, the same offset throughout
            long shift = sent[i] - reported;
            if (epochShift < 0) {
                epochShift = shift - shift % (TransportCc.REFERENCE_MICROS * (1L << 24));
            }
            assertThat(sent[i] - epochShift - reported).as("start %d packet %d", start, i).isBetween(0L, 249L);
        }
        for (int i = 1; i < reports.size(); i++) {
            TransportCc previous = reports.get(i - 1);
            assertThat(reports.get(i).baseSequenceNumber())
                .isEqualTo((previous.baseSequenceNumber() + previous.deltas().size()) & 0xFFFF);
            assertThat(reports.get(i).feedbackPacketCount()).isEqualTo((previous.feedbackPacketCount() + 1) & 0xFF);
        }
    }

    @Test
    void lossesBeforeAndBetweenReceivedPacketsAreReportedAsNotReceived() {
        feedback.onPacket(10, 0xA, T0);
        tick(T0);
        feedback.onPacket(14, 0xA, T0 + 60 * MS);
        feedback.onPacket(16, 0xA, T0 + 61 * MS);

        assertThat(tick(T0 + 61 * MS)).singleElement().satisfies(r -> {
            assertThat(r.baseSequenceNumber()).isEqualTo(11);
            assertThat(r.deltas()).containsExactly(NR, NR, NR, 240, NR, 4);
        });
    }

    @Test
    void largeSequenceGapsAreReportedAsRunsAndSplitWhereTheStatusCountWouldPass16Bits() {
        for (int i = 0; i < 4; i++) {
            feedback.onPacket(i * 30000 & 0xFFFF, 0xA, T0 + i * MS);
        }

        List<TransportCc> reports = tick(T0 + 3 * MS);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).baseSequenceNumber()).isZero();
        assertThat(reports.get(0).deltas()).hasSize(60001).startsWith(0, NR).endsWith(NR, 4);
        assertThat(reports.get(1).baseSequenceNumber()).isEqualTo(60001);
        assertThat(reports.get(1).deltas()).hasSize(30000).endsWith(NR, 12);
        assertThat(reports.get(0).encodedSize()).isLessThan(100);
    }

    @Test
    void deltasTooLargeForSixteenBitsStartANewReport() {
        feedback.onPacket(1, 0xA, T0);
        feedback.onPacket(2, 0xA, T0 + 9_000 * MS);
        feedback.onPacket(3, 0xA, T0 + 9_001 * MS);
        feedback.onPacket(4, 0xA, T0);

        List<TransportCc> reports = tick(T0 + 9_001 * MS);

        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).deltas()).containsExactly(0);
        assertThat(reports.get(1).baseSequenceNumber()).isEqualTo(2);
        assertThat(reports.get(1).deltas()).hasSize(2);
        assertThat(reports.get(2).baseSequenceNumber()).isEqualTo(4);
        assertThat(reconstruct(reports, 1)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
            1L, T0, 2L, T0 + 9_000 * MS, 3L, T0 + 9_001 * MS, 4L, T0)));
    }

    @Test
    void manyPacketsAreSplitIntoReportsThatFitADatagram() {
        // the worst case for size: one received packet in seven, with 2-byte (negative) deltas
        long t = T0;
        for (int i = 0; i < 7000; i += 7) {
            t += i % 2 == 0 ? 100 * MS : -99 * MS;
            feedback.onPacket(i, 0xA, t);
        }

        List<TransportCc> reports = tick(T0 + 10_000 * MS);

        assertThat(reports).hasSize(10);
        assertThat(reports).allSatisfy(r -> assertThat(r.deltas().stream().filter(d -> d != NR)).hasSize(100));
        assertThat(reconstruct(reports, 0)).hasSize(6994);
    }

    @Test
    void aLatePacketStillInTheHistoryIsReportedAgainWithThoseAfterIt() {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 5) {
                feedback.onPacket(seq, 0xA, T0 + seq * MS);
            }
        }
        assertThat(tick(T0 + 10 * MS).get(0).deltas().get(5)).isEqualTo(NR);
        feedback.onPacket(5, 0xA, T0 + 20 * MS);

        List<TransportCc> reports = tick(T0 + 60 * MS);

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.baseSequenceNumber()).isEqualTo(5);
            assertThat(r.deltas()).hasSize(5).doesNotContain(NR);
        });
        assertThat(reconstruct(reports, 5)).containsEntry(5L, T0 + 20 * MS).containsEntry(9L, T0 + 9 * MS);
    }

    @Test
    void packetsOlderThanTheHistoryOrAlreadyReceivedAreCountedAndNotReported() {
        feedback.onPacket(100, 0xA, T0);
        feedback.onPacket(100, 0xA, T0 + MS);
        tick(T0 + MS);
        feedback.onPacket(101, 0xA, T0 + 600 * MS);
        tick(T0 + 600 * MS);
        feedback.onPacket(99, 0xA, T0 + 601 * MS);

        assertThat(tick(T0 + 700 * MS)).isEmpty();
        assertThat(feedback.counters().get(TransportFeedback.Counter.DUPLICATE)).isEqualTo(1);
        assertThat(feedback.counters().get(TransportFeedback.Counter.TOO_LATE)).isEqualTo(1);
        assertThat(feedback.counters().get(TransportFeedback.Counter.RECORDED)).isEqualTo(2);
    }

    @Test
    void theReferenceTimeIsTheFirstArrivalIn64MillisecondsModulo24Bits() {
        long epoch = 1_764_120_000_123_456L;
        feedback.onPacket(1, 0xA, epoch);

        TransportCc report = tick(epoch).get(0);

        long ticks = epoch / TransportCc.REFERENCE_MICROS;
        assertThat(report.referenceTime() & 0xFF_FFFF).isEqualTo((int) (ticks & 0xFF_FFFF));
        assertThat(report.deltas()).containsExactly((int) ((epoch - ticks * TransportCc.REFERENCE_MICROS) / 250));
    }
}
