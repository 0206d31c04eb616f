package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed Cluster, or one block of it, into canonical {@link Frame}s, in block (decode) order.
 *
 * <pre>
 *  ticks     = Cluster Timestamp + block relative timecode          (TimecodeScale units)
 *  timestamp = baseMicros + ticks * TimecodeScale / 1000            (microseconds)
 *  duration  = BlockDuration, else the track's DefaultDuration, else 0
 *  laced:      frame i of n starts at timestamp + i * duration / n
 * </pre>
 *
 * With {@code x-amzn-fragment-timecode-type: ABSOLUTE} the base is 0 (timecodes are epoch time);
 * with RELATIVE it is the producer start timestamp. Audio frames are always keyframes.
 *
 * <p>Stateless; thread-safe.
 */
public final class ClusterFrames {

    private ClusterFrames() {
    }

    /**
     * The frames of {@code cluster}, whose blocks must all belong to {@code tracks}.
     *
     * @throws MkvException {@link MkvError#TRACK_NUMBER_MISMATCH} for a block of an undefined track,
     *                      {@link MkvError#INVALID_MKV_DATA} if a timestamp overflows
     */
    public static List<Frame> toFrames(MkvCluster cluster, MkvTracks tracks, long baseMicros) {
        List<Frame> frames = new ArrayList<>(cluster.frameCount());
        for (MkvBlock block : cluster.blocks()) {
            frames.addAll(toFrames(cluster.timecode(), cluster.timecodeScaleNanos(), block, tracks, baseMicros));
        }
        return frames;
    }

    /**
     * The frames of one block of a Cluster whose Timestamp is {@code clusterTimecode} (as
     * {@link MkvStreamParser.Listener#onBlock} reports it).
     *
     * @throws MkvException as {@link #toFrames(MkvCluster, MkvTracks, long)}
     */
    public static List<Frame> toFrames(long clusterTimecode, long timecodeScaleNanos, MkvBlock block,
                                       MkvTracks tracks, long baseMicros) {
        MkvTrackEntry track = tracks.entry(block.track()).orElseThrow(() -> new MkvException(
            MkvError.TRACK_NUMBER_MISMATCH, "block of undefined track " + block.track()));
        try {
            return frames(clusterTimecode, timecodeScaleNanos, block, track, baseMicros);
        } catch (ArithmeticException e) {
            throw MkvException.invalid("timestamp of a block of track " + block.track() + " overflows");
        }
    }

    private static List<Frame> frames(long clusterTimecode, long scale, MkvBlock block, MkvTrackEntry track,
                                      long baseMicros) {
        long ticks = Math.addExact(clusterTimecode, block.relativeTimecode());
        long start = Math.addExact(baseMicros, micros(ticks, scale));
        int count = block.frames().size();
        long each = block.duration().isPresent() ? micros(block.duration().getAsLong(), scale) / count
            : track.defaultDurationNanos() / 1000;
        boolean keyframe = block.keyframe() || isAudio(track);
        List<Frame> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = Math.addExact(start, Math.multiplyExact(i, each));
            out.add(new Frame(block.track(), at, each, keyframe, block.frames().get(i)));
        }
        return out;
    }

    /** {@code ticks * scaleNanos / 1000}; throws ArithmeticException if it does not fit a long. */
    public static long micros(long ticks, long scaleNanos) {
        long whole = Math.multiplyExact(ticks, scaleNanos / 1000);
        return Math.addExact(whole, Math.multiplyExact(ticks, scaleNanos % 1000) / 1000);
    }

    private static boolean isAudio(MkvTrackEntry track) {
        return track.type() == MkvIds.TRACK_TYPE_AUDIO
            || track.codec().map(c -> c.kind() == MediaKind.AUDIO).orElse(false);
    }
}
