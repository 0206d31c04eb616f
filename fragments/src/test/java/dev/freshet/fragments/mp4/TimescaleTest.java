package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.SourceMedia;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimescaleTest {

    private static final long EPOCH = SourceMedia.EPOCH_MICROS;

    @Test
    void roundsToTheNearestTickFromTheAbsoluteValue() {
        Timescale mpeg = Timescale.MPEG;
        assertThat(mpeg.ticks(1_000_000)).isEqualTo(90_000);
        assertThat(mpeg.ticks(5)).isZero();
        assertThat(mpeg.ticks(6)).isEqualTo(1);
        assertThat(mpeg.ticks(-1_000_000)).isEqualTo(-90_000);
        assertThat(mpeg.ticks(EPOCH)).isEqualTo(153_000_000_011_111L);
        assertThat(mpeg.micros(153_000_000_011_111L)).isEqualTo(EPOCH - 1);
        assertThat(mpeg.micros(90_001)).isEqualTo(1_000_011);
    }

    @Test
    void tenHoursOfNtscFramesStayWithinHalfATickOfTheExactTime() {
        // 29.97 fps: 3003 ticks per frame at 90 kHz, 33366.67 µs stored rounded to the microsecond
        for (long frame = 0; frame < 10 * 3600 * 30; frame++) {
            long micros = EPOCH + Math.round(frame * 1001_000_000.0 / 30_000);
            long exact = Timescale.MPEG.ticks(EPOCH) + frame * 3003;
            assertThat(Math.abs(Timescale.MPEG.ticks(micros) - exact)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void tenHoursOfAacFramesLandOnExactSampleCounts() {
        Timescale scale = new Timescale(44_100);
        long base = scale.ticks(EPOCH);
        long drift = 0;
        for (long frame = 0; frame < 10 * 3600 * 44_100 / 1024; frame++) {
            long micros = scale.micros(base + frame * 1024);
            drift = Math.max(drift, Math.abs(scale.ticks(micros) - (base + frame * 1024)));
        }
        assertThat(drift).isZero();
    }

    @Test
    void videoIsNinetyKilohertzOpusFortyEightAacItsSampleRate() {
        assertThat(Timescale.of(Track.video(1, Codec.H264, new byte[0], 640, 480)).ticksPerSecond()).isEqualTo(90_000);
        assertThat(Timescale.of(Track.audio(2, Codec.OPUS, new byte[0], 16_000, 1)).ticksPerSecond()).isEqualTo(48_000);
        assertThat(Timescale.of(Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 0, 2)).ticksPerSecond())
            .isEqualTo(44_100);
        assertThat(Timescale.of(Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 22_050, 2)).ticksPerSecond())
            .isEqualTo(22_050);
    }
}
