package dev.freshet.fragments.mkv;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One SimpleBlock, or the Block of a BlockGroup (RFC 9559 section 10), with its lacing undone.
 *
 * @param track            the TrackNumber it belongs to
 * @param relativeTimecode timecode relative to its Cluster's, in TimecodeScale units (signed 16 bits)
 * @param keyframe         SimpleBlock: the keyframe flag; Block: no ReferenceBlock in its BlockGroup
 * @param duration         BlockDuration in TimecodeScale units, for all its frames together, if given
 * @param frames           one frame, or the frames of a laced block in order
 */
public record MkvBlock(int track, short relativeTimecode, boolean keyframe, OptionalLong duration,
                       List<byte[]> frames) {

    public MkvBlock {
        Objects.requireNonNull(duration, "duration");
        frames = List.copyOf(frames);
    }
}
