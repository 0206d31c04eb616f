package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackInterleaverTest {

    private final List<Frame> out = new ArrayList<>();
    private final List<String> codecPrivates = new ArrayList<>();
    private final TrackInterleaver interleaver = new TrackInterleaver(200_000, (frame, arrival, codecPrivate) -> {
        out.add(frame);
        codecPrivates.add(codecPrivate == null ? "" : new String(codecPrivate));
    });

    @Test
    void audioArrivingLateStillLeavesBeforeTheVideoPresentedAfterIt() {
        interleaver.add(frame(1, 0, true), 0, null);
        interleaver.add(frame(1, 40_000, false), 0, null);
        interleaver.add(frame(2, 10_000, true), 0, null);
        interleaver.add(frame(1, 400_000, true), 0, null);

        assertThat(out).extracting(Frame::timestampMicros).containsExactly(0L, 10_000L, 40_000L);
        interleaver.flush();
        assertThat(out).extracting(Frame::timestampMicros).containsExactly(0L, 10_000L, 40_000L, 400_000L);
    }

    @Test
    void aFrameLaterThanTheWindowIsDroppedNotSentBackInTime() {
        interleaver.add(frame(1, 0, true), 0, null);
        interleaver.add(frame(1, 500_000, false), 0, null);
        interleaver.add(frame(1, 800_000, false), 0, null);
        interleaver.add(frame(2, 100_000, true), 0, null);

        interleaver.flush();
        assertThat(out).extracting(Frame::timestampMicros).containsExactly(0L, 500_000L, 800_000L);
        assertThat(interleaver.late()).isEqualTo(1);
    }

    @Test
    void newCodecPrivateDataLeavesWithItsFrameAfterTheFramesBeforeIt() {
        interleaver.add(frame(1, 0, true), 0, null);
        interleaver.add(frame(1, 40_000, false), 0, null);
        interleaver.add(frame(1, 80_000, true), 0, "sps2".getBytes());
        interleaver.flush();

        assertThat(out).extracting(Frame::timestampMicros).containsExactly(0L, 40_000L, 80_000L);
        assertThat(codecPrivates).containsExactly("", "", "sps2");
    }

    private static Frame frame(int track, long micros, boolean keyframe) {
        return new Frame(track, micros, 0, keyframe, new byte[] {1});
    }
}
