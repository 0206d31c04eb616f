package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.freshet.fragments.mkv.Ebml.avTracks;
import static dev.freshet.fragments.mkv.Ebml.cat;
import static dev.freshet.fragments.mkv.Ebml.ebmlHeader;
import static dev.freshet.fragments.mkv.Ebml.el;
import static dev.freshet.fragments.mkv.Ebml.hex;
import static dev.freshet.fragments.mkv.Ebml.simpleBlock;
import static dev.freshet.fragments.mkv.Ebml.str;
import static dev.freshet.fragments.mkv.Ebml.uint;
import static dev.freshet.fragments.mkv.Ebml.unknown;
import static org.assertj.core.api.Assertions.assertThat;

class MkvStreamParserTest {

    static final byte[] HEADER = ebmlHeader("matroska");
    static final byte[] INFO = el(MkvIds.INFO, uint(MkvIds.TIMECODE_SCALE, 1_000_000), str(MkvIds.MUXING_APP, "m"),
        str(MkvIds.WRITING_APP, "w"));
    static final byte[] TAGS = el(MkvIds.TAGS, el(MkvIds.TAG, el(MkvIds.TARGETS),
        el(MkvIds.SIMPLE_TAG, str(MkvIds.TAG_NAME, "A"), str(MkvIds.TAG_STRING, "1")),
        el(MkvIds.SIMPLE_TAG, str(MkvIds.TAG_NAME, "B"), str(MkvIds.TAG_STRING, "2"),
            el(MkvIds.SIMPLE_TAG, str(MkvIds.TAG_NAME, "B.1"), str(MkvIds.TAG_STRING, "3")))));

    static byte[] cluster(long timecode, byte[]... blocks) {
        return el(MkvIds.CLUSTER, uint(MkvIds.CLUSTER_TIMECODE, timecode), cat(blocks));
    }

    static byte[] liveCluster(long timecode, byte[]... blocks) {
        return cat(unknown(MkvIds.CLUSTER), uint(MkvIds.CLUSTER_TIMECODE, timecode), cat(blocks));
    }

    @Test
    void readsAMinimalStreamWithExactValues() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), INFO, avTracks(),
            cluster(1000, simpleBlock(1, 0, true, hex("0a0b")), simpleBlock(2, -5, false, hex("0c")),
                simpleBlock(1, 40, false, hex("0d"))),
            TAGS);

        RecordingListener l = RecordingListener.parse(stream);

        assertThat(l.infos).containsExactly(new MkvInfo(1_000_000, "m", "w"));
        MkvTracks tracks = l.tracks.get(0);
        assertThat(tracks.tracks()).containsExactly(
            Track.video(1, Codec.H264, hex("01640015ffe1"), 320, 240),
            new Track(2, Codec.AAC, hex("1208"), 0, 0, 44100, 1, "mic"));
        assertThat(tracks.entry(1).orElseThrow().defaultDurationNanos()).isEqualTo(40_000_000);
        assertThat(tracks.entry(2).orElseThrow().samplingFrequency()).isEqualTo(44100.0);
        MkvCluster c = l.clusters.get(0);
        assertThat(c.timecode()).isEqualTo(1000);
        assertThat(c.blocks()).extracting(MkvBlock::track, MkvBlock::relativeTimecode, MkvBlock::keyframe)
            .containsExactly(tuple(1, (short) 0, true), tuple(2, (short) -5, false), tuple(1, (short) 40, false));
        assertThat(c.blocks().get(0).frames()).containsExactly(hex("0a0b"));
        assertThat(l.tags).containsExactly(List.of(new MkvSimpleTag("A", "1"), new MkvSimpleTag("B", "2"),
            new MkvSimpleTag("B.1", "3")));
        assertThat(l.events).extracting(e -> e.split(" ")[0]).containsExactly("ebml", "segment", "info", "tracks",
            "cluster-start", "block", "block", "block", "cluster", "tags", "segment-end");
        assertThat(l.blocks).isEqualTo(c.blocks());
    }

    @Test
    void reportsClusterSizeAsOccupiedInTheStream() {
        byte[] sized = cluster(5, simpleBlock(1, 0, true, hex("00")));
        byte[] live = liveCluster(5, simpleBlock(1, 0, true, hex("00")));
        assertThat(parseSegment(sized).clusters.get(0).sizeBytes()).isEqualTo(sized.length);
        assertThat(parseSegment(live).clusters.get(0).sizeBytes()).isEqualTo(live.length);
    }

    @Test
    void oneOctetAtATimeGivesTheSameEvents() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), INFO, avTracks(),
            liveCluster(0, simpleBlock(1, 0, true, new byte[300])), liveCluster(40, simpleBlock(2, 0, true, hex("01"))),
            TAGS);
        assertThat(RecordingListener.parseByteByByte(stream).events)
            .isEqualTo(RecordingListener.parse(stream).events);
    }

    @Test
    void anUnknownSizeClusterEndsAtTheNextClusterTagsOrEndOfStream() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), avTracks(),
            liveCluster(0, simpleBlock(1, 0, true, hex("01"))),
            liveCluster(100, simpleBlock(1, 0, true, hex("02"))),
            TAGS,
            liveCluster(200, simpleBlock(1, 0, true, hex("03"))));
        RecordingListener l = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(l);
        parser.feed(stream, 0, stream.length);
        assertThat(l.clusters).extracting(MkvCluster::timecode).containsExactly(0L, 100L);
        parser.finish();
        assertThat(l.clusters).extracting(MkvCluster::timecode).containsExactly(0L, 100L, 200L);
        assertThat(l.events).extracting(e -> e.split(" ")[0]).containsSubsequence("cluster", "cluster", "tags",
            "cluster-start", "cluster", "segment-end");
    }

    @Test
    void aSizedClusterIsReportedAsSoonAsItsLastOctetArrives() {
        byte[] head = cat(HEADER, unknown(MkvIds.SEGMENT), avTracks());
        byte[] c = cluster(0, simpleBlock(1, 0, true, hex("01")));
        RecordingListener l = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(l);
        parser.feed(head, 0, head.length);
        parser.feed(c, 0, c.length - 1);
        assertThat(l.clusters).isEmpty();
        parser.feed(c, c.length - 1, 1);
        assertThat(l.clusters).hasSize(1);
    }

    @Test
    void eachBlockIsReportedAsSoonAsItsLastOctetArrives() {
        byte[] delta = simpleBlock(1, 40, false, hex("0c"));
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), el(MkvIds.INFO, uint(MkvIds.TIMECODE_SCALE, 100_000)),
            avTracks(), unknown(MkvIds.CLUSTER), uint(MkvIds.CLUSTER_TIMECODE, 70),
            simpleBlock(1, 0, true, hex("0a0b")), delta);
        RecordingListener l = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(l);
        List<Integer> reportedAfter = new java.util.ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            parser.feed(stream, i, 1);
            if (l.blocks.size() > reportedAfter.size()) {
                reportedAfter.add(i + 1);
            }
        }

        assertThat(reportedAfter).containsExactly(stream.length - delta.length, stream.length);
        assertThat(l.events).filteredOn(e -> e.startsWith("block")).first().asString()
            .startsWith("block tc=70 scale=100000 [1@0K");
        assertThat(l.clusters).as("an unknown-size Cluster is still open").isEmpty();
        parser.finish();
        assertThat(l.clusters.get(0).blocks()).isEqualTo(l.blocks);
    }

    @Test
    void producersRestartWithANewHeaderAndSegment() {
        byte[] first = cat(HEADER, unknown(MkvIds.SEGMENT), avTracks(), liveCluster(0, simpleBlock(1, 0, true, hex("01"))));
        byte[] second = cat(ebmlHeader("webm"), unknown(MkvIds.SEGMENT),
            el(MkvIds.INFO, uint(MkvIds.TIMECODE_SCALE, 100_000)),
            el(MkvIds.TRACKS, Ebml.trackEntry(1, 1, "V_MPEGH/ISO/HEVC")),
            liveCluster(7, simpleBlock(1, 0, true, hex("02"))));

        RecordingListener l = RecordingListener.parse(cat(first, second));

        assertThat(l.kinds()).containsExactly("ebml", "segment", "tracks",
            "cluster-start", "cluster", "segment-end", "ebml", "segment", "info", "tracks", "cluster-start", "cluster",
            "segment-end");
        assertThat(l.clusters).extracting(MkvCluster::timecodeScaleNanos).containsExactly(1_000_000L, 100_000L);
        assertThat(l.tracks.get(1).tracks()).extracting(Track::codec).containsExactly(Codec.H265);
    }

    @Test
    void aSizedSegmentEndsByItself() {
        byte[] body = cat(avTracks(), cluster(0, simpleBlock(1, 0, true, hex("01"))));
        byte[] stream = cat(HEADER, el(MkvIds.SEGMENT, body), HEADER, el(MkvIds.SEGMENT, body));
        assertThat(RecordingListener.parse(stream).kinds())
            .containsExactly("ebml", "segment", "tracks", "cluster-start", "cluster", "segment-end",
                "ebml", "segment", "tracks", "cluster-start", "cluster", "segment-end");
    }

    @Test
    void newTracksApplyFromThenOn() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), el(MkvIds.TRACKS, Ebml.trackEntry(1, 1, "V_MPEG4/ISO/AVC")),
            liveCluster(0, simpleBlock(1, 0, true, hex("01"))),
            el(MkvIds.TRACKS, Ebml.trackEntry(1, 1, "V_MPEG4/ISO/AVC"), Ebml.trackEntry(2, 2, "A_OPUS")),
            liveCluster(10, simpleBlock(2, 0, true, hex("02"))));
        RecordingListener l = RecordingListener.parse(stream);
        assertThat(l.tracks).hasSize(2);
        assertThat(l.tracks.get(1).tracks()).extracting(Track::codec).containsExactly(Codec.H264, Codec.OPUS);
        assertThat(l.clusters).hasSize(2);
    }

    @Test
    void unknownCodecsArePassedOnWithTheirCodecId() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT),
            el(MkvIds.TRACKS, Ebml.trackEntry(1, 1, "V_VP8"), Ebml.trackEntry(2, 2, "A_AAC/MPEG4/LC")));
        MkvTracks tracks = RecordingListener.parse(stream).tracks.get(0);
        assertThat(tracks.entries()).hasSize(2);
        assertThat(tracks.unknownCodecs()).extracting(MkvTrackEntry::codecId).containsExactly("V_VP8");
        assertThat(tracks.tracks()).extracting(Track::number).containsExactly(2);
    }

    @Test
    void skipsElementsItDoesNotUse() {
        byte[] crc = el(MkvIds.CRC32, hex("01020304"));
        byte[] voidEl = el(MkvIds.VOID, new byte[20]);
        byte[] stream = cat(HEADER, voidEl, unknown(MkvIds.SEGMENT),
            el(MkvIds.SEEK_HEAD, el(0x4DBB, hex("53ab841549a966"))), crc, voidEl, INFO,
            el(MkvIds.CHAPTERS, new byte[10]), el(MkvIds.ATTACHMENTS, new byte[100_000]), avTracks(),
            el(0x4DDD, hex("0102")),
            cluster(0, crc, uint(0xA7, 0), voidEl, simpleBlock(1, 0, true, hex("01")), el(0x4DDD, hex("03"))),
            el(MkvIds.CUES, el(0xBB, uint(0xB3, 0))));
        RecordingListener l = RecordingListener.parseByteByByte(stream);
        assertThat(l.clusters).hasSize(1);
        assertThat(l.clusters.get(0).blocks()).hasSize(1);
        assertThat(l.infos).hasSize(1);
    }

    @Test
    void readsBlockGroups() {
        byte[] key = el(MkvIds.BLOCK_GROUP, el(MkvIds.BLOCK, hex("81 0000 00 aa")), uint(MkvIds.BLOCK_DURATION, 40));
        byte[] delta = el(MkvIds.BLOCK_GROUP, el(MkvIds.BLOCK, hex("81 0028 80 bb")),
            el(MkvIds.REFERENCE_BLOCK, hex("d8")));
        MkvCluster c = parseSegment(cluster(0, key, delta)).clusters.get(0);
        assertThat(c.blocks().get(0).keyframe()).isTrue();
        assertThat(c.blocks().get(0).duration()).hasValue(40);
        assertThat(c.blocks().get(1).keyframe()).as("ReferenceBlock: not a keyframe, whatever the flags").isFalse();
        assertThat(c.blocks().get(1).duration()).isEmpty();
        assertThat(c.blocks().get(1).frames()).containsExactly(hex("bb"));
    }

    @Test
    void splitsXiphEbmlAndFixedLacing() {
        // Xiph: 3 frames of 300, 2 and 4 octets: sizes 255+45, 2; the last takes the rest
        byte[] xiph = el(MkvIds.SIMPLE_BLOCK, hex("82 0000 82 02 ff2d 02"), new byte[300], hex("0102 03040506"));
        // EBML: 4 frames of 3, 5, 2 and 1 octets: 3, then +2, then -3 as signed VINTs
        byte[] ebml = el(MkvIds.SIMPLE_BLOCK, hex("82 0000 86 03 83 c1 bc"), hex("010101 0202020202 0303 04"));
        // fixed: 3 frames of 2 octets
        byte[] fixed = el(MkvIds.SIMPLE_BLOCK, hex("82 0000 84 02"), hex("1111 2222 3333"));
        MkvCluster c = parseSegment(cluster(0, xiph, ebml, fixed)).clusters.get(0);
        assertThat(c.blocks().get(0).frames()).extracting(f -> f.length).containsExactly(300, 2, 4);
        assertThat(c.blocks().get(0).frames().get(2)).isEqualTo(hex("03040506"));
        assertThat(c.blocks().get(1).frames()).containsExactly(hex("010101"), hex("0202020202"), hex("0303"), hex("04"));
        assertThat(c.blocks().get(2).frames()).containsExactly(hex("1111"), hex("2222"), hex("3333"));
        assertThat(c.blocks()).allMatch(MkvBlock::keyframe);
        assertThat(c.frameCount()).isEqualTo(10);
    }

    @Test
    void usesTheDefaultTimecodeScaleWithoutInfo() {
        assertThat(parseSegment(cluster(3, simpleBlock(1, 0, true, hex("01")))).clusters.get(0).timecodeScaleNanos())
            .isEqualTo(1_000_000L);
    }

    @Test
    void anEmptyStreamHasNoEvents() {
        assertThat(RecordingListener.parse(new byte[0]).events).isEmpty();
    }

    static RecordingListener parseSegment(byte[]... children) {
        return RecordingListener.parse(cat(HEADER, unknown(MkvIds.SEGMENT), avTracks(), cat(children)));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
