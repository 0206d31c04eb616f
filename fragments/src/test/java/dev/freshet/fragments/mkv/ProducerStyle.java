package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Track;

import java.util.List;

/**
 * Re-emits parsed Clusters the way the KVS producer SDK sends PutMedia: EBML header, a Segment of
 * unknown size, Info, Tracks, then one unknown-size Cluster per fragment with its blocks as they were.
 */
final class ProducerStyle {

    private ProducerStyle() {
    }

    static byte[] remux(List<Track> tracks, List<MkvCluster> clusters) {
        EbmlWriter w = new EbmlWriter(1 << 16);
        MkvWriter.writeEbmlHeader(w);
        MkvWriter.writeSegmentStart(w);
        MkvWriter.writeInfo(w);
        MkvWriter.writeTracks(w, tracks);
        for (MkvCluster c : clusters) {
            w.startUnknownSizeMaster(MkvIds.CLUSTER).writeUnsigned(MkvIds.CLUSTER_TIMECODE, c.timecode());
            c.blocks().forEach(b -> writeSimpleBlock(w, b));
        }
        return w.toByteArray();
    }

    private static void writeSimpleBlock(EbmlWriter w, MkvBlock b) {
        byte[] frame = b.frames().get(0);
        w.writeHeader(MkvIds.SIMPLE_BLOCK, EbmlVint.sizeWidth(b.track()) + 3L + frame.length)
            .writeVint(b.track()).writeInt16(b.relativeTimecode()).writeByte(b.keyframe() ? 0x80 : 0)
            .writeRaw(frame, 0, frame.length);
    }
}
