package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.rtcp.ReportBlock;
import dev.freshet.webrtc.rtcp.SenderReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverStatisticsTest {

    private static final long MS = 1000;
    private static final long EPOCH = 1_700_000_000_000_000L;

    private final ReceiverStatistics stats = new ReceiverStatistics(0xABCD, 90_000);

    @Test
    void jitterFollowsRfc3550A8ByHand() {
        // transit in 90 kHz ticks: 0, 3600 - 3000 = 600, 6300 - 6000 = 300
        stats.onPacket(0, 0, EPOCH);
        stats.onPacket(1, 3000, EPOCH + 40 * MS);
        // J = 0 + (600 - 0) / 16 = 37.5
        assertThat(stats.jitter()).isEqualTo(37);
        stats.onPacket(2, 6000, EPOCH + 70 * MS);
        // J = 37.5 + (|300 - 600| - 37.5) / 16 = 53.90625
        assertThat(stats.jitter()).isEqualTo(53);
    }

    @Test
    void jitterIsUnmovedByAWrappingTimestampWithSteadyArrivals() {
        stats.onPacket(0, 0xFFFF_FFFFL - 2999, EPOCH);
        stats.onPacket(1, 0, EPOCH + 33_334);
        stats.onPacket(2, 3000, EPOCH + 66_667);

        assertThat(stats.jitter()).isZero();
    }

    @Test
    void lossIsCumulativeAndTheFractionPerReportInterval() {
        for (int seq : new int[] {0, 1, 2, 5}) {
            stats.onPacket(seq, 0, EPOCH);
        }
        ReportBlock first = stats.reportBlock(EPOCH).orElseThrow();
        // expected 6, received 4: 2 lost, 256 * 2 / 6 = 85.3
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).isEqualTo(85);
        assertThat(first.extendedHighestSequenceNumber()).isEqualTo(5);

        stats.onPacket(6, 0, EPOCH);
        stats.onPacket(7, 0, EPOCH);
        ReportBlock second = stats.reportBlock(EPOCH).orElseThrow();
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(2);

        stats.onPacket(7, 0, EPOCH);
        stats.onPacket(3, 0, EPOCH);
        stats.onPacket(3, 0, EPOCH);
        ReportBlock third = stats.reportBlock(EPOCH).orElseThrow();
        assertThat(third.cumulativeLost()).isEqualTo(-1);
        assertThat(third.fractionLost()).isZero();
    }

    @Test
    void theExtendedHighestSequenceNumberCountsCycles() {
        for (int seq : new int[] {65534, 65535, 0, 1}) {
            stats.onPacket(seq, 0, EPOCH);
        }

        ReportBlock block = stats.reportBlock(EPOCH).orElseThrow();

        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(0x1_0001L);
        assertThat(block.cumulativeLost()).isZero();
    }

    @Test
    void lastSrIsTheMiddleOfItsNtpTimeAndTheDelayIsIn65536thsOfASecond() {
        stats.onPacket(0, 0, EPOCH);
        stats.onSenderReport(new SenderReport(0xABCD, 0x1234_5678_9ABC_DEF0L, 0, 0, 0, List.of()), EPOCH);

        ReportBlock block = stats.reportBlock(EPOCH + 500 * MS).orElseThrow();

        assertThat(block.lastSr()).isEqualTo(0x5678_9ABCL);
        assertThat(block.delaySinceLastSr()).isEqualTo(32768);
        assertThat(block.ssrc()).isEqualTo(0xABCD);
    }

    @Test
    void noReportBeforeThFirstPacketAndNoDelayBeforeTheFirstSr() {
        assertThat(stats.reportBlock(EPOCH)).isEmpty();
        stats.onPacket(9, 0, EPOCH);

        assertThat(stats.reportBlock(EPOCH + 100 * MS).orElseThrow())
            .extracting(ReportBlock::lastSr, ReportBlock::delaySinceLastSr).containsExactly(0L, 0L);
    }
}
