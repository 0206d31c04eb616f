package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEdgeTest {

    static final List<Track> TRACKS = List.of(Track.video(1, Codec.H264, new byte[0], 640, 360),
        Track.audio(2, Codec.AAC, new byte[0], 48_000, 2));

    @Test
    void cutsPartsAsFramesArriveAndWakesWaiters() {
        LiveEdge edge = new LiveEdge(new PartPlan(200_000));
        edge.startFragment(7, TRACKS);
        CompletableFuture<Void> change = edge.awaitChange();
        for (int i = 0; i < 10; i++) {
            edge.addFrame(new Frame(1, 1_000_000 + i * 40_000L, 0, i == 0, new byte[10]));
        }

        assertThat(change).isCompleted();
        LiveEdge.Snapshot snapshot = edge.snapshot();
        assertThat(snapshot.fragmentSequence()).isEqualTo(7);
        assertThat(snapshot.receiving()).isTrue();
        assertThat(snapshot.parts()).hasSize(1);
        assertThat(snapshot.parts().get(0).frames()).hasSize(5);
        assertThat(snapshot.parts().get(0).durationMicros()).isEqualTo(200_000);
        assertThat(snapshot.parts().get(0).independent()).isTrue();
        edge.endFragment();
        assertThat(edge.snapshot().parts()).hasSize(2);
        assertThat(edge.snapshot().parts().get(1).independent()).isFalse();
        assertThat(edge.snapshot().receiving()).isFalse();
    }

    @Property(tries = 200)
    void liveCutsEqualCutsOfTheStoredFragment(@ForAll @IntRange(min = 1, max = 120) int videoFrames,
                                              @ForAll @IntRange(min = 20_000, max = 100_000) int frameMicros,
                                              @ForAll @LongRange(min = 50_000, max = 1_000_000) long target,
                                              @ForAll long seed) {
        List<Frame> frames = interleaved(videoFrames, frameMicros, new Random(seed));
        LiveEdge edge = new LiveEdge(new PartPlan(target));
        edge.startFragment(0, TRACKS);
        frames.forEach(edge::addFrame);
        edge.endFragment();

        assertThat(edge.snapshot().parts()).isEqualTo(new PartPlan(target).parts(TRACKS, frames));
    }

    static List<Frame> interleaved(int videoFrames, int frameMicros, Random random) {
        List<Frame> frames = new ArrayList<>();
        long audio = 0;
        for (int i = 0; i < videoFrames; i++) {
            long ts = 5_000_000L + (long) i * frameMicros;
            frames.add(new Frame(1, ts, random.nextBoolean() ? frameMicros : 0, i == 0, new byte[1 + random.nextInt(50)]));
            while (audio <= ts - 5_000_000L) {
                frames.add(new Frame(2, 5_000_000L + audio, 21_333, true, new byte[8]));
                audio += 21_333;
            }
        }
        return frames;
    }
}
