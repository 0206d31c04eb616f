package dev.freshet.fragments.ts;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mp4.Timescale;
import dev.freshet.fragments.mp4.TrackFrames;
import dev.freshet.fragments.mp4.TrackTimeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MPEG-TS segments (ISO/IEC 13818-1) for HLS {@code ContainerFormat=MPEG_TS}: each segment is
 * self-contained — PAT, PMT, then one PES per frame in the frames' decode order — so a player can
 * start at any segment that begins with a keyframe.
 *
 * <pre>
 *  PID 0x0000  PAT  → program 1 → PMT on PID 0x1000
 *  PID 0x1000  PMT  → streams in track order: H.264 0x1B | H.265 0x24 | AAC (ADTS) 0x0F
 *  PID 0x0100+i     the i-th carried track; PES stream_id 0xE0 video, 0xC0 audio
 * </pre>
 *
 * <ul>
 *   <li>Timestamps: 90 kHz, 33 bits, from the absolute epoch times. Video DTS are the sorted PTS
 *   minus the track's shift ({@link TrackTimeline}: its reorder allowance, or the largest shift the
 *   session has needed), so DTS never exceeds PTS; a PES has a DTS only when it differs from its
 *   PTS.</li>
 *   <li>PCR on the first video track (the first track without video), in the first packet of each
 *   of its PES, equal to that frame's DTS; the random access indicator on its keyframes.</li>
 *   <li>Video is converted to Annex B with an access unit delimiter and, before each keyframe, the
 *   parameter sets of the track's avcC/hvcC ({@link AnnexBWriter}); AAC frames get ADTS headers.</li>
 *   <li><b>Opus is not carried</b>: HLS players do not play Opus in MPEG-TS, so segments of a stream
 *   with Opus audio carry its video only (see {@link #carries}).</li>
 * </ul>
 *
 * <p>Immutable; thread-safe. The {@link TsSession} passed to {@link #write} is not, and must be used
 * by one segment at a time.
 */
public final class TsSegmentWriter {

    private static final int FIRST_PID = 0x100;

    private final List<ElementaryStream> streams;
    private final Map<Integer, Integer> streamIndex = new HashMap<>();
    private final int pcrPid;
    private final byte[] pat;
    private final byte[] pmt;

    /**
     * A writer for the tracks MPEG-TS can carry among {@code tracks} (in this order).
     *
     * @throws IllegalArgumentException when it can carry none of them
     */
    public TsSegmentWriter(List<Track> tracks) {
        List<ElementaryStream> carried = new ArrayList<>();
        for (Track track : tracks) {
            if (carries(track)) {
                streamIndex.put(track.number(), carried.size());
                carried.add(ElementaryStream.of(track, FIRST_PID + carried.size()));
            }
        }
        if (carried.isEmpty()) {
            throw new IllegalArgumentException("MPEG-TS carries none of " + tracks);
        }
        streams = List.copyOf(carried);
        pcrPid = streams.stream().filter(ElementaryStream::video).findFirst().orElse(streams.get(0)).pid();
        pat = ProgramTables.pat();
        pmt = ProgramTables.pmt(streams, pcrPid);
    }

    /** Whether segments include this track: H.264, H.265 and AAC, not Opus. */
    public static boolean carries(Track track) {
        return ElementaryStream.carries(track.codec());
    }

    /**
     * One segment of the frames of the carried tracks (others are skipped), continuing the
     * session's continuity counters and decode shifts.
     *
     * @param frames in decode order
     */
    public byte[] write(List<Frame> frames, TsSession session) {
        List<TrackTimeline> timelines = timelines(frames, session);
        Cursor sizing = new Cursor(timelines);
        int packets = 2;
        for (Frame frame : frames) {
            if (sizing.next(frame)) {
                packets += PesPacketizer.packets(pesLength(sizing), sizing.pcr(), sizing.randomAccess());
            }
        }
        byte[] out = new byte[packets * PesPacketizer.PACKET_SIZE];
        PesPacketizer packetizer = new PesPacketizer(out, session);
        packetizer.section(ProgramTables.PAT_PID, pat);
        packetizer.section(ProgramTables.PMT_PID, pmt);
        Cursor writing = new Cursor(timelines);
        for (Frame frame : frames) {
            if (writing.next(frame)) {
                writePes(writing, packetizer);
            }
        }
        if (packetizer.position() != out.length) {
            throw new IllegalStateException("wrote " + packetizer.position() + " of " + out.length + " bytes");
        }
        return out;
    }

    private List<TrackTimeline> timelines(List<Frame> frames, TsSession session) {
        List<Track> tracks = streams.stream().map(ElementaryStream::track).toList();
        Map<Integer, TrackFrames> grouped = new HashMap<>();
        TrackFrames.group(tracks, frames).forEach(t -> grouped.put(t.track().number(), t));
        List<TrackTimeline> timelines = new ArrayList<>();
        for (Track track : tracks) {
            TrackFrames trackFrames = grouped.get(track.number());
            List<Frame> list = trackFrames == null ? List.of() : trackFrames.frames();
            long fallback = Timescale.MPEG.defaultFrameTicks(track.codec());
            long minimumShift = Math.max(session.decodeShift(track.number()),
                TrackTimeline.reorderAllowance(track, Timescale.MPEG));
            TrackTimeline timeline = TrackTimeline.of(list, Timescale.MPEG, fallback, minimumShift);
            session.decodeShift(track.number(), timeline.shift());
            timelines.add(timeline);
        }
        return timelines;
    }

    private static int pesLength(Cursor at) {
        return PesPacketizer.headerSize(at.pts() != at.dts()) + at.stream().payload().size(at.frame());
    }

    private static void writePes(Cursor at, PesPacketizer out) {
        ElementaryStream stream = at.stream();
        int payload = stream.payload().size(at.frame());
        out.startPes(stream.pid(), stream.streamId(), payload, at.pts(), at.dts(), at.pcr() ? at.dts() : -1,
            at.randomAccess());
        stream.payload().write(at.frame(), out);
    }

    /** Walks a segment's frames, tracking each frame's index within its track's timeline. */
    private final class Cursor {
        private final List<TrackTimeline> timelines;
        private final int[] nextIndex = new int[streams.size()];
        private Frame frame;
        private int stream;
        private int index;

        Cursor(List<TrackTimeline> timelines) {
            this.timelines = timelines;
        }

        /** Moves to {@code frame}; false when its track is not carried. */
        boolean next(Frame frame) {
            Integer s = streamIndex.get(frame.track());
            if (s == null) {
                return false;
            }
            this.frame = frame;
            this.stream = s;
            this.index = nextIndex[s]++;
            return true;
        }

        Frame frame() {
            return frame;
        }

        ElementaryStream stream() {
            return streams.get(stream);
        }

        long dts() {
            return timelines.get(stream).decodeTime(index);
        }

        long pts() {
            return dts() + timelines.get(stream).compositionOffset(index);
        }

        boolean pcr() {
            return stream().pid() == pcrPid;
        }

        boolean randomAccess() {
            return pcr() && frame.keyframe();
        }
    }
}
