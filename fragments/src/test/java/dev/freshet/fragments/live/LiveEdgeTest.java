package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.FragmentedMp4;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Test
    void theLastPartAndTheEndOfTheFragmentArePublishedTogether() {
        LiveEdge edge = new LiveEdge(new PartPlan(200_000));
        edge.startFragment(5, TRACKS);
        for (int i = 0; i < 7; i++) {
            edge.addFrame(video(i, 40_000, i == 0));
        }
        int cutBeforeTheEnd = edge.snapshot().parts().size();
        // what a waiter woken by the next change sees: it runs inside publish, before endFragment returns
        List<LiveEdge.Snapshot> seen = new ArrayList<>();
        edge.awaitChange().thenRun(() -> seen.add(edge.snapshot()));

        edge.endFragment();

        assertThat(seen).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.parts()).as("the last part").hasSize(cutBeforeTheEnd + 1);
            assertThat(snapshot.receiving()).as("never all parts while still receiving: a hint past the last")
                .isFalse();
        });
    }

    @Test
    void withBFramesAPartClosesOnceTheNextReferenceFrameArrives() {
        LiveEdge edge = new LiveEdge(new PartPlan(200_000));
        edge.startFragment(0, TRACKS);
        // decode order I0 P3 B1 B2 P6 B4 B5 P9, 40 ms frames: P6 (240 ms) is the first candidate
        int[] order = {0, 3, 1, 2, 6, 4, 5, 9};
        for (int i = 0; i < 6; i++) {
            edge.addFrame(video(order[i], 40_000, i == 0));
        }
        assertThat(edge.snapshot().parts()).as("B4 could still present before P3").isEmpty();
        edge.addFrame(video(order[6], 40_000, false));
        assertThat(edge.snapshot().parts()).isEmpty();
        edge.addFrame(video(order[7], 40_000, false));

        List<LivePart> parts = edge.snapshot().parts();
        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.frames()).extracting(Frame::timestampMicros)
                .containsExactly(0L, 120_000L, 40_000L, 80_000L);
            assertThat(part.durationMicros()).isEqualTo(160_000);
        });
    }

    @Test
    void anAbandonedFragmentWithdrawsItsPartsAndRecentFragmentsKeepTheirTracks() {
        LiveEdge edge = new LiveEdge(new PartPlan(100_000));
        edge.startFragment(3, TRACKS);
        for (int i = 0; i < 5; i++) {
            edge.addFrame(video(i, 40_000, i == 0));
        }
        edge.endFragment();
        List<Track> videoOnly = TRACKS.subList(0, 1);
        edge.startFragment(4, videoOnly);
        for (int i = 5; i < 10; i++) {
            edge.addFrame(video(i, 40_000, i == 5));
        }
        assertThat(edge.snapshot().parts()).isNotEmpty();

        edge.abandonFragment();

        LiveEdge.Snapshot snapshot = edge.snapshot();
        assertThat(snapshot.receiving()).isFalse();
        assertThat(snapshot.partsOf(4)).isEmpty();
        assertThat(snapshot.partsOf(3)).as("80 ms parts: a third 40 ms frame would pass the 100 ms target")
            .hasSize(3);
        assertThat(snapshot.tracksOf(3)).contains(TRACKS);
        assertThat(snapshot.tracksOf(2)).isEmpty();
    }

    @Property(tries = 300)
    void liveCutsEqualCutsOfTheStoredFragment(@ForAll @IntRange(min = 1, max = 120) int videoFrames,
                                              @ForAll @IntRange(min = 20_000, max = 100_000) int frameMicros,
                                              @ForAll @LongRange(min = 50_000, max = 1_000_000) long target,
                                              @ForAll Reorder reorder,
                                              @ForAll long seed) {
        List<Frame> frames = interleaved(videoFrames, frameMicros, reorder, new Random(seed));
        LiveEdge edge = new LiveEdge(new PartPlan(target));
        edge.startFragment(0, TRACKS);
        frames.forEach(edge::addFrame);
        edge.endFragment();

        assertThat(edge.snapshot().parts()).isEqualTo(new PartPlan(target).parts(TRACKS, frames));
    }

    @Property(tries = 300)
    void encoderOrdersAreCutBetweenReferencesWithinOneReorderGroupOfTheTarget(
        @ForAll @IntRange(min = 1, max = 120) int videoFrames,
        @ForAll @IntRange(min = 20_000, max = 100_000) int frameMicros,
        @ForAll @LongRange(min = 50_000, max = 1_000_000) long target, @ForAll("encoderOrders") Reorder reorder,
        @ForAll long seed) {
        List<Frame> frames = interleaved(videoFrames, frameMicros, reorder, new Random(seed));
        int start = 0;
        for (LivePart part : new PartPlan(target).parts(TRACKS, frames)) {
            assertThat(FragmentedMp4.canStartPart(frames, start)).as("part %d starts at frame %d", part.index(), start)
                .isTrue();
            assertThat(part.durationMicros()).as("one reorder group over the target at most")
                .isLessThanOrEqualTo(target + (long) (Reorder.MAX_GROUP + 1) * frameMicros);
            start += part.frames().size();
        }
        assertThat(start).isEqualTo(frames.size());
    }

    @Provide
    Arbitrary<Reorder> encoderOrders() {
        return Arbitraries.of(Reorder.NONE, Reorder.IPBB, Reorder.PYRAMID, Reorder.ADAPTIVE);
    }

    /** How an encoder orders a GOP's pictures for decoding. */
    enum Reorder {
        /** I P P P: no B-frames (WebRTC, x264 -bf 0). */
        NONE,
        /** I P B B: two B-frames between references, x264's default without pyramid. */
        IPBB,
        /** I P B b b: three B-frames, the middle one a reference for the outer two (x264 b-pyramid). */
        PYRAMID,
        /** 0 to 3 B-frames per group, chosen per group, pyramid or not (x264 b-adapt). */
        ADAPTIVE,
        /**
         * Any order within windows of four: not what encoders do, so a cut may separate a B-frame
         * from its references, but live and stored parts must still agree.
         */
        SHUFFLED;

        static final int MAX_GROUP = 4;
    }

    /** Video in decode order with audio interleaved by decode time, as muxers write them. */
    static List<Frame> interleaved(int videoFrames, int frameMicros, Reorder reorder, Random random) {
        List<Frame> frames = new ArrayList<>();
        long audio = 0;
        int[] order = decodeOrder(videoFrames, reorder, random);
        for (int i = 0; i < videoFrames; i++) {
            long decodeTime = (long) i * frameMicros;
            while (audio <= decodeTime) {
                frames.add(new Frame(2, 5_000_000L + audio, 21_333, true, new byte[8]));
                audio += 21_333;
            }
            long ts = 5_000_000L + (long) order[i] * frameMicros;
            frames.add(new Frame(1, ts, random.nextBoolean() ? frameMicros : 0, i == 0,
                new byte[1 + random.nextInt(50)]));
        }
        return frames;
    }

    /** Presentation indexes of the pictures in decode order; a closed GOP starting with the keyframe 0. */
    static int[] decodeOrder(int count, Reorder reorder, Random random) {
        List<Integer> order = new ArrayList<>(List.of(0));
        int anchor = 0;
        while (anchor < count - 1) {
            int group = Math.min(count - 1 - anchor, groupSize(reorder, random));
            boolean pyramid = reorder == Reorder.PYRAMID || (reorder == Reorder.ADAPTIVE && random.nextBoolean());
            order.add(anchor + group);
            if (pyramid) {
                pyramid(order, anchor, anchor + group);
            } else {
                for (int b = anchor + 1; b < anchor + group; b++) {
                    order.add(b);
                }
            }
            anchor += group;
        }
        if (reorder == Reorder.SHUFFLED) {
            shuffleWithinWindows(order, random);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int groupSize(Reorder reorder, Random random) {
        return switch (reorder) {
            case NONE -> 1;
            case IPBB, SHUFFLED -> 3;
            case PYRAMID -> Reorder.MAX_GROUP;
            case ADAPTIVE -> 1 + random.nextInt(Reorder.MAX_GROUP);
        };
    }

    /** The B-frames strictly between two references: the middle one first, then each half. */
    private static void pyramid(List<Integer> order, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) / 2;
        order.add(middle);
        pyramid(order, from, middle);
        pyramid(order, middle, to);
    }

    private static void shuffleWithinWindows(List<Integer> order, Random random) {
        for (int from = 1; from < order.size(); from += 4) {
            java.util.Collections.shuffle(order.subList(from, Math.min(order.size(), from + 4)), random);
        }
    }

    private static Frame video(int presentationIndex, long frameMicros, boolean keyframe) {
        return new Frame(1, presentationIndex * frameMicros, frameMicros, keyframe, new byte[4]);
    }
}
