package dev.freshet.bench.video;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sample as cameras replay it: the tracks, the frames from the first video keyframe on (decode
 * order) as {@link SampleFrame}s, and the period after which a replay starts over with its
 * timestamps continued (the span of the video frames plus one frame interval, so the loop joins
 * without a gap). Every pass starts with a keyframe, so every pass cuts into whole GOPs.
 *
 * <p>Immutable; thread-safe (the block arrays are shared by all cameras and never written).
 */
final class Sample {

    private final String name;
    private final List<Track> tracks;
    private final List<SampleFrame> frames;
    private final long periodMillis;
    private final long mediaBytes;

    private Sample(String name, List<Track> tracks, List<SampleFrame> frames, long periodMillis, long mediaBytes) {
        this.name = name;
        this.tracks = tracks;
        this.frames = frames;
        this.periodMillis = periodMillis;
        this.mediaBytes = mediaBytes;
    }

    /**
     * @param frames decode order, as {@link SampleReader} gives them
     * @throws IllegalArgumentException without a video keyframe, or with a GOP too long for the
     *                                  16-bit relative timecodes of one Cluster
     */
    static Sample of(String name, List<Track> tracks, List<Frame> frames) {
        Set<Integer> video = new HashSet<>();
        tracks.stream().filter(t -> t.kind() == MediaKind.VIDEO).forEach(t -> video.add(t.number()));
        int first = 0;
        while (first < frames.size() && !opensGop(frames.get(first), video)) {
            first++;
        }
        if (first == frames.size()) {
            throw new IllegalArgumentException(name + " has no video keyframe");
        }
        long zero = millis(frames.get(first));
        List<SampleFrame> out = new ArrayList<>(frames.size() - first);
        long clusterOffset = 0;
        long sendOffset = 0;
        long bytes = 0;
        for (Frame frame : frames.subList(first, frames.size())) {
            long capture = millis(frame) - zero;
            boolean opens = opensGop(frame, video);
            clusterOffset = opens ? capture : clusterOffset;
            sendOffset = Math.max(sendOffset, capture);
            out.add(new SampleFrame(LiveMkv.simpleBlock(frame.track(), relative(capture - clusterOffset, name),
                frame.keyframe(), frame.data()), capture, sendOffset, opens, clusterOffset));
            bytes += frame.data().length;
        }
        long period = videoPeriod(frames.subList(first, frames.size()), video, zero);
        return new Sample(name, List.copyOf(tracks), List.copyOf(out), Math.max(period, sendOffset + 1), bytes);
    }

    String name() {
        return name;
    }

    List<Track> tracks() {
        return tracks;
    }

    List<SampleFrame> frames() {
        return frames;
    }

    long periodMillis() {
        return periodMillis;
    }

    /** Coded media per second of one camera, without the Matroska framing. */
    double mediaBitsPerSecond() {
        return mediaBytes * 8_000.0 / periodMillis;
    }

    private static boolean opensGop(Frame frame, Set<Integer> video) {
        return frame.keyframe() && video.contains(frame.track());
    }

    private static short relative(long millis, String name) {
        if (millis < Short.MIN_VALUE || millis > Short.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": a GOP spans more than a Cluster's 32.767 s");
        }
        return (short) millis;
    }

    /** From the first keyframe to the end of the last video frame, whose length is the usual interval. */
    private static long videoPeriod(List<Frame> frames, Set<Integer> video, long zero) {
        long[] times = frames.stream().filter(f -> video.contains(f.track())).mapToLong(Sample::millis).sorted()
            .toArray();
        long[] gaps = new long[Math.max(0, times.length - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = times[i + 1] - times[i];
        }
        Arrays.sort(gaps);
        long interval = gaps.length == 0 ? 40 : gaps[gaps.length / 2];
        return times[times.length - 1] - zero + interval;
    }

    private static long millis(Frame frame) {
        return Math.floorDiv(frame.timestampMicros(), 1_000);
    }
}
