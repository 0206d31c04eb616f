package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One track of a clip: its frames, their timeline and where they lie in the {@code mdat}, and the
 * {@code trak} with full sample tables that describes them (ISO/IEC 14496-12 8.5–8.7).
 *
 * <p>Frames are laid out in the order given; each run of consecutive frames of one track is one
 * chunk. Decode times are shifted by the least amount ({@link TrackTimeline}) so that composition offsets are
 * non-negative ({@code ctts} version 0) and rebased to start at 0; an edit list restores each
 * track's start relative to the clip's earliest frame.
 *
 * <p>Immutable after {@link #layout}; thread-safe.
 */
final class ClipTrack {

    private final Track track;
    private final List<Frame> frames;
    private final TrackTimeline timeline;
    private final int[] chunkSamples;
    private final long[] chunkOffsets;

    private ClipTrack(Track track, List<Frame> frames, int[] chunkSamples, long[] chunkOffsets) {
        this.track = track;
        this.frames = frames;
        this.chunkSamples = chunkSamples;
        this.chunkOffsets = chunkOffsets;
        Timescale scale = Timescale.of(track);
        this.timeline = TrackTimeline.of(frames, scale, scale.defaultFrameTicks(track.codec()), 0);
    }

    /** Lays out the frames of the listed tracks (others are skipped); tracks without frames are left out. */
    static List<ClipTrack> layout(List<Track> tracks, List<Frame> frames) {
        Map<Integer, Layout> layouts = new HashMap<>();
        tracks.forEach(t -> layouts.put(t.number(), new Layout()));
        countChunks(frames, layouts);
        fillChunks(frames, layouts);
        List<ClipTrack> clipTracks = new ArrayList<>();
        for (Track track : tracks) {
            Layout layout = layouts.get(track.number());
            if (!layout.frames.isEmpty()) {
                clipTracks.add(new ClipTrack(track, layout.frames, layout.chunkSamples, layout.chunkOffsets));
            }
        }
        return clipTracks;
    }

    private static void countChunks(List<Frame> frames, Map<Integer, Layout> layouts) {
        int previous = -1;
        for (Frame frame : frames) {
            Layout layout = layouts.get(frame.track());
            if (layout != null) {
                layout.chunks += frame.track() != previous ? 1 : 0;
                layout.frames.add(frame);
                previous = frame.track();
            }
        }
        layouts.values().forEach(Layout::allocate);
    }

    private static void fillChunks(List<Frame> frames, Map<Integer, Layout> layouts) {
        int previous = -1;
        long offset = 0;
        for (Frame frame : frames) {
            Layout layout = layouts.get(frame.track());
            if (layout != null) {
                if (frame.track() != previous) {
                    layout.chunkOffsets[layout.chunks++] = offset;
                }
                layout.chunkSamples[layout.chunks - 1]++;
                offset += frame.data().length;
                previous = frame.track();
            }
        }
    }

    Track track() {
        return track;
    }

    long startMicros() {
        return frames.stream().mapToLong(Frame::timestampMicros).min().orElseThrow();
    }

    /** Presented length in microseconds. */
    long durationMicros() {
        return Timescale.of(track).micros(timeline.totalDuration());
    }

    long mediaBytes() {
        return frames.stream().mapToLong(f -> f.data().length).sum();
    }

    /** The trak, with chunk offsets counted from {@code mediaStart}, the file position of the first media byte. */
    Box trak(Timescale movie, long clipStartMicros, long mediaStart) {
        long empty = movie.ticks(startMicros()) - movie.ticks(clipStartMicros);
        long duration = movie.ticks(startMicros() + durationMicros()) - movie.ticks(startMicros());
        long mediaTime = timeline.earliestPresentationTime() - timeline.decodeTime(0);
        return TrackBox.of(track, empty + duration, timeline.totalDuration(),
            new EditListBox(empty, duration, mediaTime), sampleTables(mediaStart));
    }

    private List<Box> sampleTables(long mediaStart) {
        int n = frames.size();
        int[] durations = new int[n];
        int[] offsets = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            durations[i] = timeline.duration(i);
            offsets[i] = timeline.compositionOffset(i);
            sizes[i] = frames.get(i).data().length;
        }
        List<Box> tables = new ArrayList<>(6);
        tables.add(TimeToSampleBox.of(durations));
        if (timeline.hasCompositionOffsets()) {
            tables.add(CompositionOffsetBox.of(offsets));
        }
        int[] sync = syncSamples();
        if (sync.length < n) {
            tables.add(new SyncSampleBox(sync));
        }
        tables.addAll(List.of(SampleToChunkBox.of(chunkSamples), new SampleSizeBox(sizes),
            new ChunkOffsetBox(true, chunkOffsets, mediaStart)));
        return tables;
    }

    private int[] syncSamples() {
        return java.util.stream.IntStream.range(0, frames.size()).filter(i -> frames.get(i).keyframe())
            .map(i -> i + 1).toArray();
    }

    /** Per-track accumulator: frames and chunk count, then chunk sizes and offsets. */
    private static final class Layout {
        final List<Frame> frames = new ArrayList<>();
        int chunks;
        int[] chunkSamples;
        long[] chunkOffsets;

        void allocate() {
            chunkSamples = new int[chunks];
            chunkOffsets = new long[chunks];
            chunks = 0;
        }
    }
}
