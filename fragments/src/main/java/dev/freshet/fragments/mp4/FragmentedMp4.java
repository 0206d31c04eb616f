package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fragmented MP4 as CMAF (ISO/IEC 23000-19) for HLS and DASH: one init segment per track set, then
 * one media segment per fragment, or several LL-HLS partial segments per fragment. Frames are
 * copied, never transcoded.
 *
 * <pre>
 *  init segment   ftyp(iso6: iso6 cmfc mp41)
 *                 moov ├ mvhd (timescale 1000, duration 0)
 *                      ├ trak per track (see {@link TrackBox}; sample tables empty)
 *                      └ mvex └ trex per track
 *  media segment  [styp(msdh: msdh cmfs)]
 *                 moof ├ mfhd (sequence number)
 *                      └ traf per track with frames
 *                           ├ tfhd (track id, default-base-is-moof)
 *                           ├ tfdt v1 (absolute decode time of its first sample)
 *                           └ trun v1 (data offset; per sample duration, size, flags, [offset])
 *                 mdat (track 1 samples, track 2 samples, ...)
 * </pre>
 *
 * <p>Timing ({@link TrackTimeline}): decode times are the sorted presentation times handed out in
 * decode order, in 90 kHz (video) or the sample rate (audio), from the absolute epoch timestamps,
 * shifted by the track's constant {@link TrackTimeline#reorderAllowance} so that composition
 * offsets are never negative (players built on FFmpeg delay a track that has negative offsets).
 * A segment made from a fragment's frames and the partial segments made from consecutive runs of
 * the same frames therefore carry identical timestamps, provided each part starts at a frame
 * {@link #canStartPart} accepts (every frame, without B-frames), and consecutive segments join
 * without gaps.
 *
 * <p>Stateless; thread-safe.
 */
public final class FragmentedMp4 {

    private static final int MOVIE_TIMESCALE = 1000;

    private FragmentedMp4() {
    }

    /** The CMAF header for the tracks (in this order), served once per playback session. */
    public static byte[] initSegment(List<Track> tracks) {
        List<Box> moov = new ArrayList<>();
        moov.add(new MovieHeaderBox(MOVIE_TIMESCALE, 0, nextTrackId(tracks)));
        List<Box> trex = new ArrayList<>();
        for (Track track : tracks) {
            moov.add(TrackBox.fragmented(track));
            trex.add(new TrackExtendsBox(track.number()));
        }
        moov.add(new ContainerBox("mvex", trex));
        return BoxBuffer.write(FileTypeBox.CMAF_INIT, new ContainerBox("moov", moov));
    }

    /** {@link #mediaSegment(List, List, long, boolean)} with a {@code styp}. */
    public static MediaSegmentResult mediaSegment(List<Track> tracks, List<Frame> frames, long sequenceNumber) {
        return mediaSegment(tracks, frames, sequenceNumber, true);
    }

    /**
     * A media segment of the frames of the listed tracks (others are skipped): a whole fragment, or
     * a run of consecutive frames of one (an LL-HLS part).
     *
     * @param frames         in decode order
     * @param sequenceNumber the {@code mfhd} sequence number, written modulo 2^32
     * @param segmentType    whether to start with a {@code styp}
     * @throws IllegalArgumentException when no frame belongs to a listed track
     */
    public static MediaSegmentResult mediaSegment(List<Track> tracks, List<Frame> frames, long sequenceNumber,
                                                  boolean segmentType) {
        List<TrackFrames> grouped = TrackFrames.group(tracks, frames);
        if (grouped.isEmpty()) {
            throw new IllegalArgumentException("no frames of tracks " + tracks);
        }
        List<TrackTimeline> timelines = grouped.stream().map(FragmentedMp4::timeline).toList();
        int moofSize = moof(sequenceNumber, grouped, timelines, 0).size();
        Box moof = moof(sequenceNumber, grouped, timelines, moofSize + 8);
        Box mdat = new MediaDataBox(grouped.stream().map(TrackFrames::frames).toList());
        byte[] bytes = segmentType ? BoxBuffer.write(FileTypeBox.CMAF_SEGMENT, moof, mdat) : BoxBuffer.write(moof, mdat);
        TrackFrames main = TrackFrames.main(grouped);
        TrackTimeline mainTimeline = timelines.get(grouped.indexOf(main));
        long duration = Timescale.of(main.track()).micros(mainTimeline.totalDuration());
        boolean independent = main.track().kind() != MediaKind.VIDEO || main.frames().get(0).keyframe();
        long start = grouped.stream().mapToLong(TrackFrames::startMicros).min().orElseThrow();
        return new MediaSegmentResult(bytes, independent, start, duration);
    }

    /**
     * Whether a partial segment may start at {@code index} of a fragment's decode-order frames and
     * keep the timestamps the whole fragment would get: for every track, each frame before it is
     * presented before each frame from it on (no B-frame is separated from its reference).
     */
    public static boolean canStartPart(List<Frame> fragmentFrames, int index) {
        Map<Integer, Long> latestBefore = new HashMap<>();
        for (Frame frame : fragmentFrames.subList(0, index)) {
            latestBefore.merge(frame.track(), frame.timestampMicros(), Math::max);
        }
        for (Frame frame : fragmentFrames.subList(index, fragmentFrames.size())) {
            Long latest = latestBefore.get(frame.track());
            if (latest != null && latest >= frame.timestampMicros()) {
                return false;
            }
        }
        return true;
    }

    static TrackTimeline timeline(TrackFrames frames) {
        Timescale scale = Timescale.of(frames.track());
        return TrackTimeline.of(frames.frames(), scale, scale.defaultFrameTicks(frames.track().codec()),
            TrackTimeline.reorderAllowance(frames.track(), scale));
    }

    private static Box moof(long sequenceNumber, List<TrackFrames> tracks, List<TrackTimeline> timelines,
                            int dataOffset) {
        List<Box> children = new ArrayList<>(tracks.size() + 1);
        children.add(new MovieFragmentHeaderBox(sequenceNumber));
        for (int i = 0; i < tracks.size(); i++) {
            TrackFrames track = tracks.get(i);
            TrackTimeline timeline = timelines.get(i);
            children.add(ContainerBox.of("traf",
                new TrackFragmentHeaderBox(track.track().number()),
                new TrackFragmentDecodeTimeBox(timeline.decodeTime(0)),
                new TrackRunBox(track.frames(), timeline, dataOffset)));
            dataOffset += MediaDataBox.payloadSize(track.frames());
        }
        return new ContainerBox("moof", children);
    }

    private static int nextTrackId(List<Track> tracks) {
        return tracks.stream().mapToInt(Track::number).max().orElse(0) + 1;
    }
}
