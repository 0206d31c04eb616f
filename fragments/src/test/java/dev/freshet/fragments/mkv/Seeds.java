package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Frame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static dev.freshet.fragments.mkv.Ebml.avTracks;
import static dev.freshet.fragments.mkv.Ebml.cat;
import static dev.freshet.fragments.mkv.Ebml.el;
import static dev.freshet.fragments.mkv.Ebml.hex;
import static dev.freshet.fragments.mkv.Ebml.simpleBlock;
import static dev.freshet.fragments.mkv.Ebml.unknown;

/**
 * Valid MKV streams of every shape the parser meets, for property tests. {@code sample-h264-aac.mkv}
 * was made with {@code ffmpeg -f lavfi -i testsrc=size=96x64:rate=25 -f lavfi -i
 * sine=frequency=440:sample_rate=16000 -c:v libx264 -g 10 -c:a aac -b:a 24k -t 1.2 -live 1
 * -cluster_time_limit 400 -fflags +bitexact} (unknown-size Segment, sized Clusters with CRC-32).
 */
final class Seeds {

    static final byte[] FFMPEG = resource("sample-h264-aac.mkv");
    static final List<byte[]> ALL = List.of(FFMPEG, producerStyle(), getMediaStyle(), handBuilt());

    private Seeds() {
    }

    /** The ffmpeg sample as the KVS producer sends it: unknown-size Clusters. */
    static byte[] producerStyle() {
        RecordingListener l = RecordingListener.parse(FFMPEG);
        return ProducerStyle.remux(l.tracks.get(0).tracks(), l.clusters);
    }

    /** The ffmpeg sample as GetMedia sends it: one document per Cluster, with Tags. */
    static byte[] getMediaStyle() {
        RecordingListener l = RecordingListener.parse(FFMPEG);
        EbmlWriter w = new EbmlWriter(FFMPEG.length * 2);
        for (MkvCluster c : l.clusters) {
            List<Frame> frames = ClusterFrames.toFrames(c, l.tracks.get(0), 0);
            MkvWriter.writeFragment(w, l.tracks.get(0).tracks(), frames, List.of(new MkvSimpleTag("N", "1")));
        }
        return w.toByteArray();
    }

    /** Lacing of every kind, BlockGroups, Tags, skipped elements, two documents. */
    static byte[] handBuilt() {
        List<byte[]> parts = new ArrayList<>();
        for (int doc = 0; doc < 2; doc++) {
            parts.add(cat(MkvStreamParserTest.HEADER, unknown(MkvIds.SEGMENT), MkvStreamParserTest.INFO, avTracks(),
                el(MkvIds.VOID, new byte[3]),
                MkvStreamParserTest.cluster(doc * 100,
                    el(MkvIds.SIMPLE_BLOCK, hex("82 0000 82 02 ff2d 02"), new byte[300], hex("0102 03040506")),
                    el(MkvIds.SIMPLE_BLOCK, hex("82 0001 86 03 83 c1 bc"), hex("010101 0202020202 0303 04")),
                    el(MkvIds.SIMPLE_BLOCK, hex("82 0002 84 02"), hex("1111 2222 3333")),
                    el(MkvIds.BLOCK_GROUP, el(MkvIds.BLOCK, hex("81 0003 00 aa")), Ebml.uint(MkvIds.BLOCK_DURATION, 4)),
                    el(MkvIds.BLOCK_GROUP, el(MkvIds.BLOCK, hex("81 0004 00 bb")), el(MkvIds.REFERENCE_BLOCK, hex("ff")))),
                MkvStreamParserTest.liveCluster(doc * 100 + 50, simpleBlock(1, 0, true, new byte[40])),
                MkvStreamParserTest.TAGS));
        }
        return cat(parts.toArray(byte[][]::new));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
