package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Matroska for playback (GetMedia, GetMediaForFragmentList). Each fragment is a complete,
 * self-contained document, so fragments can be streamed one after another:
 *
 * <pre>
 *  EBML header   DocType "matroska", DocTypeVersion 4, DocTypeReadVersion 2
 *  Segment       unknown size (ended by the next fragment's EBML header, or the end of the stream)
 *   ├ Info       TimestampScale 1,000,000 (ms), MuxingApp/WritingApp "Freshet"
 *   ├ Tracks     one TrackEntry per {@link Track}: TrackNumber, TrackUID (= number), TrackType,
 *   │            CodecID, CodecPrivate, Video{PixelWidth, PixelHeight} | Audio{SamplingFrequency, Channels}
 *   ├ Cluster    Timestamp (ms of the earliest frame), SimpleBlocks in the given (decode) order
 *   └ Tags       one Tag, empty Targets, one SimpleTag per name/value (e.g. AWS_KINESISVIDEO_FRAGMENT_NUMBER)
 * </pre>
 *
 * Frames are written at millisecond precision. Their durations are written as the track's
 * DefaultDuration when every frame of the track in the fragment lasts the same (the usual constant
 * frame rate and audio frame size), so they survive a round trip; otherwise they are left out
 * (players take the next frame's time). A frame's relative timecode is a signed 16-bit number of milliseconds, so
 * frames spanning more than 32.767 s go into several Clusters.
 *
 * <p>Stateless; thread-safe.
 */
public final class MkvWriter {

    public static final String APP = "Freshet";

    private static final int SIMPLE_BLOCK_OVERHEAD = 4 + 4 + 8 + 3;
    private static final int FIXED_OVERHEAD = 512;

    private MkvWriter() {
    }

    /** One GetMedia fragment: EBML header + Segment + Info + Tracks + Cluster + Tags (none if {@code tags} is empty). */
    public static byte[] fragment(List<Track> tracks, List<Frame> frames, List<MkvSimpleTag> tags) {
        EbmlWriter w = new EbmlWriter(estimateSize(tracks, frames, tags));
        writeFragment(w, tracks, frames, tags);
        return w.toByteArray();
    }

    /** Appends one fragment to {@code w}; see {@link #fragment}. */
    public static void writeFragment(EbmlWriter w, List<Track> tracks, List<Frame> frames, List<MkvSimpleTag> tags) {
        writeEbmlHeader(w);
        writeSegmentStart(w);
        writeInfo(w);
        writeTracks(w, tracks, constantDurations(frames));
        writeClusters(w, tracks, frames);
        if (!tags.isEmpty()) {
            writeTags(w, tags);
        }
    }

    /** An upper bound of {@link #fragment}'s output length, to presize buffers. */
    public static int estimateSize(List<Track> tracks, List<Frame> frames, List<MkvSimpleTag> tags) {
        long size = FIXED_OVERHEAD;
        for (Track t : tracks) {
            size += 64 + t.codecPrivate().length + t.name().length() * 3L;
        }
        for (Frame f : frames) {
            size += SIMPLE_BLOCK_OVERHEAD + f.data().length;
        }
        for (MkvSimpleTag t : tags) {
            size += 32 + (t.name().length() + t.value().length()) * 3L;
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    public static void writeEbmlHeader(EbmlWriter w) {
        int mark = w.startMaster(MkvIds.EBML);
        w.writeUnsigned(MkvIds.EBML_VERSION, 1)
            .writeUnsigned(MkvIds.EBML_READ_VERSION, 1)
            .writeUnsigned(MkvIds.EBML_MAX_ID_LENGTH, 4)
            .writeUnsigned(MkvIds.EBML_MAX_SIZE_LENGTH, 8)
            .writeString(MkvIds.DOC_TYPE, "matroska")
            .writeUnsigned(MkvIds.DOC_TYPE_VERSION, 4)
            .writeUnsigned(MkvIds.DOC_TYPE_READ_VERSION, 2);
        w.endMaster(mark);
    }

    /** A Segment of unknown size: everything written after it belongs to it. */
    public static void writeSegmentStart(EbmlWriter w) {
        w.startUnknownSizeMaster(MkvIds.SEGMENT);
    }

    public static void writeInfo(EbmlWriter w) {
        int mark = w.startMaster(MkvIds.INFO);
        w.writeUnsigned(MkvIds.TIMECODE_SCALE, MkvInfo.DEFAULT_TIMECODE_SCALE)
            .writeString(MkvIds.MUXING_APP, APP)
            .writeString(MkvIds.WRITING_APP, APP);
        w.endMaster(mark);
    }

    public static void writeTracks(EbmlWriter w, List<Track> tracks) {
        writeTracks(w, tracks, Map.of());
    }

    /** The Tracks, with DefaultDuration (nanoseconds) for the track numbers in {@code defaultDurations}. */
    public static void writeTracks(EbmlWriter w, List<Track> tracks, Map<Integer, Long> defaultDurations) {
        int mark = w.startMaster(MkvIds.TRACKS);
        for (Track track : tracks) {
            writeTrackEntry(w, track, defaultDurations.getOrDefault(track.number(), 0L));
        }
        w.endMaster(mark);
    }

    /** Per track, the duration in nanoseconds all its frames share, for tracks whose frames all last the same. */
    static Map<Integer, Long> constantDurations(List<Frame> frames) {
        Map<Integer, Long> durations = new HashMap<>();
        Set<Integer> varying = new HashSet<>();
        for (Frame frame : frames) {
            long nanos = frame.durationMicros() * 1000;
            Long seen = durations.putIfAbsent(frame.track(), nanos);
            if (nanos <= 0 || seen != null && seen != nanos) {
                varying.add(frame.track());
            }
        }
        durations.keySet().removeAll(varying);
        return durations;
    }

    /**
     * Clusters holding {@code frames} in the given order, each timed from its earliest frame; one
     * Cluster unless the frames span more than a 16-bit relative timecode allows. Frames of audio
     * {@code tracks} are flagged as keyframes.
     *
     * @throws IllegalArgumentException if a frame is timed before the epoch
     */
    public static void writeClusters(EbmlWriter w, List<Track> tracks, List<Frame> frames) {
        Set<Integer> audio = new HashSet<>();
        tracks.stream().filter(t -> t.kind() == MediaKind.AUDIO).forEach(t -> audio.add(t.number()));
        int from = 0;
        while (from < frames.size()) {
            from = writeCluster(w, audio, frames, from);
        }
    }

    /** One Tags element holding one Tag with a SimpleTag per pair. */
    public static void writeTags(EbmlWriter w, List<MkvSimpleTag> tags) {
        int tagsMark = w.startMaster(MkvIds.TAGS);
        int tagMark = w.startMaster(MkvIds.TAG);
        w.endMaster(w.startMaster(MkvIds.TARGETS));
        for (MkvSimpleTag tag : tags) {
            int mark = w.startMaster(MkvIds.SIMPLE_TAG);
            w.writeString(MkvIds.TAG_NAME, tag.name()).writeString(MkvIds.TAG_STRING, tag.value());
            w.endMaster(mark);
        }
        w.endMaster(tagMark);
        w.endMaster(tagsMark);
    }

    private static void writeTrackEntry(EbmlWriter w, Track track, long defaultDurationNanos) {
        boolean video = track.kind() == MediaKind.VIDEO;
        int mark = w.startMaster(MkvIds.TRACK_ENTRY);
        w.writeUnsigned(MkvIds.TRACK_NUMBER, track.number())
            .writeUnsigned(MkvIds.TRACK_UID, track.number())
            .writeUnsigned(MkvIds.TRACK_TYPE, video ? MkvIds.TRACK_TYPE_VIDEO : MkvIds.TRACK_TYPE_AUDIO)
            .writeUnsigned(MkvIds.FLAG_LACING, 0)
            .writeString(MkvIds.CODEC_ID, track.codec().mkvCodecId());
        if (!track.name().isEmpty()) {
            w.writeString(MkvIds.NAME, track.name());
        }
        if (track.codecPrivate().length > 0) {
            w.writeBinary(MkvIds.CODEC_PRIVATE, track.codecPrivate());
        }
        if (defaultDurationNanos > 0) {
            w.writeUnsigned(MkvIds.DEFAULT_DURATION, defaultDurationNanos);
        }
        if (video) {
            writeVideo(w, track);
        } else {
            writeAudio(w, track);
        }
        w.endMaster(mark);
    }

    private static void writeVideo(EbmlWriter w, Track track) {
        int mark = w.startMaster(MkvIds.VIDEO);
        w.writeUnsigned(MkvIds.PIXEL_WIDTH, track.width()).writeUnsigned(MkvIds.PIXEL_HEIGHT, track.height());
        w.endMaster(mark);
    }

    private static void writeAudio(EbmlWriter w, Track track) {
        int mark = w.startMaster(MkvIds.AUDIO);
        w.writeFloat(MkvIds.SAMPLING_FREQUENCY, track.sampleRate()).writeUnsigned(MkvIds.CHANNELS, track.channels());
        w.endMaster(mark);
    }

    /**
     * Writes frames from {@code from} on while their times fit one Cluster; returns the first left
     * over. The Cluster is timed from the earliest remaining frame, moved later if need be so that
     * the first frame always fits (progress is guaranteed).
     */
    private static int writeCluster(EbmlWriter w, Set<Integer> audio, List<Frame> frames, int from) {
        long timecode = Math.max(earliestMillis(frames, from), millis(frames.get(from)) - Short.MAX_VALUE);
        if (timecode < 0) {
            throw new IllegalArgumentException("frame timed before the epoch: " + timecode + " ms");
        }
        int mark = w.startMaster(MkvIds.CLUSTER);
        w.writeUnsigned(MkvIds.CLUSTER_TIMECODE, timecode);
        int i = from;
        for (; i < frames.size() && fits(millis(frames.get(i)) - timecode); i++) {
            Frame frame = frames.get(i);
            boolean keyframe = frame.keyframe() || audio.contains(frame.track());
            writeSimpleBlock(w, frame, (int) (millis(frame) - timecode), keyframe);
        }
        w.endMaster(mark);
        return i;
    }

    private static boolean fits(long relative) {
        return relative >= Short.MIN_VALUE && relative <= Short.MAX_VALUE;
    }

    private static void writeSimpleBlock(EbmlWriter w, Frame frame, int relativeMillis, boolean keyframe) {
        int trackWidth = EbmlVint.sizeWidth(frame.track());
        w.writeHeader(MkvIds.SIMPLE_BLOCK, trackWidth + 3L + frame.data().length)
            .writeVint(frame.track())
            .writeInt16(relativeMillis)
            .writeByte(keyframe ? 0x80 : 0x00)
            .writeRaw(frame.data(), 0, frame.data().length);
    }

    private static long earliestMillis(List<Frame> frames, int from) {
        long min = Long.MAX_VALUE;
        for (int i = from; i < frames.size(); i++) {
            min = Math.min(min, millis(frames.get(i)));
        }
        return min;
    }

    private static long millis(Frame frame) {
        return Math.floorDiv(frame.timestampMicros(), 1000);
    }
}
