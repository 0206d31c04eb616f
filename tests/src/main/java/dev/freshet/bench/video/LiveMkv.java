package dev.freshet.bench.video;

import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.EbmlVint;
import dev.freshet.fragments.mkv.EbmlWriter;
import dev.freshet.fragments.mkv.MkvWriter;

import java.util.List;

/**
 * The Matroska a live camera uploads through PutMedia, as the KVS producer SDK writes it: the
 * stream header once, then one Cluster of unknown size per GOP whose SimpleBlocks follow one by one
 * as frames are encoded. An unknown-size Cluster ends where the next one begins (RFC 8794 section
 * 6.2), which is what lets a producer send a frame the moment it exists.
 *
 * <pre>
 *  stream header  EBML header, Segment (unknown size), Info (TimestampScale 1 ms), Tracks
 *  per GOP        Cluster 1F43B675, size 01 FF FF FF FF FF FF FF
 *                   Timestamp E7 (capture time of the GOP's keyframe, epoch ms)
 *  per frame        SimpleBlock A3: track VINT, relative timecode s16 (ms), flags (0x80 keyframe), data
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class LiveMkv {

    // RFC 9559 section 5.1: Cluster, its Timestamp, SimpleBlock (Freshet's MkvIds is package-private)
    private static final int CLUSTER = 0x1F43B675;
    private static final int CLUSTER_TIMESTAMP = 0xE7;
    private static final int SIMPLE_BLOCK = 0xA3;
    private static final int KEYFRAME_FLAG = 0x80;
    private static final int BLOCK_FIXED_BYTES = 3;

    private LiveMkv() {
    }

    static byte[] streamHeader(List<Track> tracks) {
        EbmlWriter w = new EbmlWriter(1024);
        MkvWriter.writeEbmlHeader(w);
        MkvWriter.writeSegmentStart(w);
        MkvWriter.writeInfo(w);
        MkvWriter.writeTracks(w, tracks);
        return w.toByteArray();
    }

    static byte[] clusterStart(long timestampMillis) {
        EbmlWriter w = new EbmlWriter(32);
        w.startUnknownSizeMaster(CLUSTER);
        w.writeUnsigned(CLUSTER_TIMESTAMP, timestampMillis);
        return w.toByteArray();
    }

    static byte[] simpleBlock(int track, short relativeMillis, boolean keyframe, byte[] data) {
        EbmlWriter w = new EbmlWriter(data.length + 32);
        long size = EbmlVint.sizeWidth(track) + BLOCK_FIXED_BYTES + (long) data.length;
        w.writeHeader(SIMPLE_BLOCK, size)
            .writeVint(track)
            .writeInt16(relativeMillis)
            .writeByte(keyframe ? KEYFRAME_FLAG : 0)
            .writeRaw(data, 0, data.length);
        return w.toByteArray();
    }
}
