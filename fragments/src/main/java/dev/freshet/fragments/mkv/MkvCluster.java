package dev.freshet.fragments.mkv;

import java.util.List;

/**
 * One complete Cluster: for PutMedia, one fragment.
 *
 * @param timecode           the Cluster Timestamp in TimecodeScale units, as written
 * @param timecodeScaleNanos the TimecodeScale of the Segment's Info when the Cluster was read
 * @param blocks             its blocks in the order written (decode order)
 * @param sizeBytes          octets the Cluster occupied in the stream, header included
 */
public record MkvCluster(long timecode, long timecodeScaleNanos, List<MkvBlock> blocks, long sizeBytes) {

    public MkvCluster {
        blocks = List.copyOf(blocks);
    }

    public int frameCount() {
        return blocks.stream().mapToInt(b -> b.frames().size()).sum();
    }
}
