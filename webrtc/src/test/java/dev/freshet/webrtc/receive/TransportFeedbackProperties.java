package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.TransportCc;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the peer sends (any sequence numbers, reordered, duplicated, jumping, times going back), the
 * feedback is well-formed, fits a datagram, and reports every packet that arrived in order of sending.
 */
class TransportFeedbackProperties {

    @Property(tries = 300)
    void anyArrivalPatternGivesReportsThatFitAndCoverWhatArrived(
            @ForAll @IntRange(max = 65535) int first, @ForAll @IntRange(min = 1, max = 3000) int count,
            @ForAll long seed, @ForAll @IntRange(max = 30) int lossPercent,
            @ForAll @LongRange(min = 0, max = 20_000_000) long maxJitterMicros) {
        Random random = new Random(seed);
        TransportFeedback feedback = new TransportFeedback(1);
        Set<Integer> arrived = new HashSet<>();
        List<TransportCc> reports = new ArrayList<>();
        long now = 1_764_120_000_000_000L;
        int seq = first;
        long calls = 0;
        Set<Integer> recorded = new HashSet<>();
        for (int i = 0; i < count; i++) {
            // mostly in order, sometimes a step back (reordering) or far ahead (a burst of losses)
            int roll = random.nextInt(100);
            int step = roll < 5 ? -random.nextInt(20) : roll < 7 ? random.nextInt(5000) : 1;
            seq = (seq + step) & 0xFFFF;
            now += random.nextInt(2000);
            if (random.nextInt(100) >= lossPercent) {
                long jitter = maxJitterMicros == 0 ? 0 : random.nextLong(maxJitterMicros) - maxJitterMicros / 2;
                long before = feedback.counters().get(TransportFeedback.Counter.RECORDED);
                feedback.onPacket(seq, 0xA, now + jitter);
                calls++;
                arrived.add(seq);
                if (feedback.counters().get(TransportFeedback.Counter.RECORDED) > before) {
                    recorded.add(seq);
                }
            }
            if (random.nextInt(10) == 0) {
                reports.addAll(feedback.tick(now));
            }
        }
        reports.addAll(feedback.tick(now + TransportFeedback.INTERVAL_MICROS));

        Set<Integer> reportedReceived = new HashSet<>();
        for (TransportCc report : reports) {
            assertThat(report.encodedSize()).isLessThanOrEqualTo(TransportFeedback.MAX_REPORT_BYTES);
            assertThat(TransportCc.decode(report.encode(), 0, report.encodedSize())).isEqualTo(report);
            assertThat(report.deltas().get(0)).as("a report starts where it is anchored or with losses")
                .satisfiesAnyOf(d -> assertThat(d).isEqualTo(TransportCc.NOT_RECEIVED),
                    d -> assertThat(d).isBetween(0, 255));
            for (int i = 0; i < report.deltas().size(); i++) {
                if (report.deltas().get(i) != TransportCc.NOT_RECEIVED) {
                    reportedReceived.add((report.baseSequenceNumber() + i) & 0xFFFF);
                }
            }
        }
        assertThat(arrived).containsAll(reportedReceived);
        assertThat(reportedReceived).as("every packet recorded is reported received").containsAll(recorded);
        assertThat(feedback.counters().get(TransportFeedback.Counter.RECORDED)
            + feedback.counters().get(TransportFeedback.Counter.DUPLICATE)
            + feedback.counters().get(TransportFeedback.Counter.TOO_LATE)).isEqualTo(calls);
    }
}
