package dev.freshet.webrtc.depacketize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RtpClockTest {

    private static final long WRAP = 1L << 32;

    @Test
    void unwrapsAcrossEvery32BitBoundaryInASweepFromAnyStart() {
        for (long start = 0; start < WRAP; start += WRAP / 64 + 12_345) {
            RtpClock clock = RtpClock.video();
            long expected = start;
            clock.extend(start);
            for (int step = 0; step < 400; step++) {
                expected += 30_000_000L; // 333 s of 90 kHz ticks a step: crosses 2^32 every ~143 steps
                assertThat(clock.extend(expected & 0xFFFF_FFFFL)).isEqualTo(expected);
            }
        }
    }

    @Test
    void reorderedTimestampsAroundTheWrapUnwrapToTheNearestValue() {
        RtpClock clock = RtpClock.video();
        assertThat(clock.extend(WRAP - 3000)).isEqualTo(WRAP - 3000);
        assertThat(clock.extend(3000)).isEqualTo(WRAP + 3000);
        assertThat(clock.extend(WRAP - 6000)).isEqualTo(WRAP - 6000);
        assertThat(clock.extend(0)).isEqualTo(WRAP);
    }

    @Test
    void withoutASenderReportTheFirstArrivalAnchorsTheClock() {
        RtpClock clock = RtpClock.video();
        long first = WRAP - 45_000;
        assertThat(clock.toMicros(first, 1_700_000_000_000_000L)).isEqualTo(1_700_000_000_000_000L);
        // half a second later on the RTP clock, across the wrap; the arrival time no longer matters
        assertThat(clock.toMicros(0, 42)).isEqualTo(1_700_000_000_500_000L);
        assertThat(clock.toMicros(first - 90_000, 42)).isEqualTo(1_699_999_999_000_000L);
    }

    @Test
    void aSenderReportMapsRtpTimeToTheSendersNtpTime() {
        RtpClock audio = RtpClock.opus();
        audio.onSenderReport(1_700_000_000_000_000L, 96_000);
        assertThat(audio.toMicros(96_000 + 480, 1_700_000_000_030_000L)).isEqualTo(1_700_000_000_010_000L);
        assertThat(audio.toMicros(0, 0)).isEqualTo(1_699_999_998_000_000L);

        RtpClock video = RtpClock.video();
        assertThat(video.toMicros(1000, 5_000_000)).isEqualTo(5_000_000);
        // the arrival anchor put WRAP - 90_000 (91_000 ticks before 1000) at 3_988_889: a 311 ms step
        assertThat(video.onSenderReport(4_300_000, WRAP - 90_000)).isTrue();
        assertThat(video.toMicros(90_000, 0)).isEqualTo(6_300_000);
    }

    @Test
    void aFirstSenderReportFarFromTheFirstArrivalGivesWayToIt() {
        RtpClock audio = RtpClock.opus();
        assertThat(audio.onSenderReport(1_700_000_000_000_000L, 96_000 + 48_000)).isTrue();
        // the report put 96_000 a second before this arrival
        assertThat(audio.toMicros(96_000, 1_700_000_000_000_000L)).isEqualTo(1_700_000_000_000_000L);
        assertThat(audio.toMicros(96_000 + 480, 0)).isEqualTo(1_700_000_000_010_000L);
    }

    @Test
    void aSenderReportThatWouldStepTheClockByMoreThanHalfASecondIsNotBelieved() {
        RtpClock video = RtpClock.video();
        assertThat(video.toMicros(0, 5_000_000)).isEqualTo(5_000_000);
        // a second of RTP time ahead of what the report's NTP time says (GStreamer 1.22's webrtcbin)
        assertThat(video.onSenderReport(5_100_000, 9_000 + 90_000)).isFalse();
        assertThat(video.toMicros(9_000, 0)).as("still on the arrival anchor").isEqualTo(5_100_000);
        assertThat(video.onSenderReport(5_100_000 + RtpClock.MAX_REPORT_STEP_MICROS, 9_000)).isTrue();
        assertThat(video.toMicros(9_000 + 90_000, 0)).isEqualTo(6_600_000);
    }

    @Test
    void ticksAndMicrosConvertAtTheClockRate() {
        RtpClock video = RtpClock.video();
        assertThat(video.ticksToMicros(3000)).isEqualTo(33_333);
        assertThat(video.microsToTicks(1_000_000)).isEqualTo(90_000);
        assertThat(RtpClock.opus().clockRate()).isEqualTo(48_000);
    }
}
