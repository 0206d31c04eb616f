package dev.freshet.fragments.mkv;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers one Cluster's Timestamp and blocks while its children arrive, and counts the octets it
 * occupies against the fragment size limit.
 *
 * <pre>
 *  Cluster 0x1F43B675 (sized, or unknown size while live)
 *   ├ Timestamp 0xE7 (uint, mandatory, before any block)
 *   ├ SimpleBlock 0xA3 | BlockGroup 0xA0 ...
 *   └ anything else (Position, PrevSize, Void, CRC-32...) is skipped but counted
 * </pre>
 *
 * <p>Not thread-safe.
 */
final class ClusterBuilder {

    private final long end;
    private final long maxBytes;
    private final List<MkvBlock> blocks = new ArrayList<>();
    private long bytes;
    private long timecode = -1;

    /** A Cluster whose header ends at stream offset {@code dataStart}. */
    ClusterBuilder(ElementHeader header, long dataStart, long maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = header.headerLength();
        this.end = header.unknownSize() ? EbmlVint.UNKNOWN_SIZE : dataStart + header.size();
        if (!header.unknownSize()) {
            count(header.size());
        }
    }

    boolean unknownSize() {
        return end == EbmlVint.UNKNOWN_SIZE;
    }

    /** The stream offset where a sized Cluster ends, or {@link EbmlVint#UNKNOWN_SIZE}. */
    long end() {
        return end;
    }

    /** Counts a child of an unknown-size Cluster (a sized one was counted whole). */
    void countChild(ElementHeader child) {
        if (unknownSize()) {
            count(child.headerLength());
            count(child.size());
        }
    }

    void timecode(long value) {
        if (timecode != -1) {
            throw MkvException.invalid("Cluster with two Timestamps");
        }
        if (value < 0) {
            throw MkvException.invalid("Cluster Timestamp " + Long.toUnsignedString(value));
        }
        timecode = value;
    }

    /** The Cluster Timestamp; only once it was read. */
    long timecode() {
        return timecode;
    }

    /** Adds a block, which may only follow the Timestamp: its time is relative to it. */
    void add(MkvBlock block) {
        if (timecode == -1) {
            throw MkvException.invalid("a block before its Cluster's Timestamp");
        }
        blocks.add(block);
    }

    MkvCluster build(long timecodeScaleNanos) {
        if (timecode == -1) {
            throw MkvException.invalid("Cluster without a Timestamp");
        }
        return new MkvCluster(timecode, timecodeScaleNanos, blocks, bytes);
    }

    private void count(long octets) {
        if (octets > maxBytes - bytes) {
            throw new MkvException(MkvError.FRAGMENT_SIZE_LIMIT,
                "Cluster larger than " + maxBytes + " octets");
        }
        bytes += octets;
    }
}
