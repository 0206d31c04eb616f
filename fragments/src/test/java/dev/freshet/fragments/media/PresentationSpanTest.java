package dev.freshet.fragments.media;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PresentationSpanTest {

    @Test
    void aGopOfFramesWithoutDurationsPlaysForEveryFrameIncludingTheLast() {
        List<Frame> gop = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            gop.add(new Frame(1, 1_000_000 + i * 40_000L, 0, i == 0, new byte[1]));
        }

        assertThat(PresentationSpan.interval(gop)).isEqualTo(40_000);
        assertThat(PresentationSpan.of(gop, PresentationSpan.interval(gop))).as("25 frames at 25 fps")
            .isEqualTo(1_000_000);
    }

    @Test
    void reorderedFramesFindTheirIntervalAndTheLatestLastsIt() {
        // decode order I0 P3 B1 B2, in frames of 33,367 µs (29.97 fps)
        long f = 33_367;
        List<Frame> frames = List.of(new Frame(1, 0, 0, true, new byte[1]), new Frame(1, 3 * f, 0, false, new byte[1]),
            new Frame(1, f, 0, false, new byte[1]), new Frame(1, 2 * f, 0, false, new byte[1]));

        assertThat(PresentationSpan.interval(frames)).isEqualTo(f);
        assertThat(PresentationSpan.of(frames, f)).isEqualTo(4 * f);
    }

    @Test
    void aSingleFrameLastsTheIntervalGivenAndDeclaredDurationsWin() {
        assertThat(PresentationSpan.of(List.of(new Frame(1, 500, 0, false, new byte[1])), 40_000)).isEqualTo(40_000);
        assertThat(PresentationSpan.of(List.of(new Frame(1, 500, 20_000, false, new byte[1])), 40_000))
            .isEqualTo(20_000);
        assertThat(PresentationSpan.of(List.of(), 40_000)).isZero();
    }
}
