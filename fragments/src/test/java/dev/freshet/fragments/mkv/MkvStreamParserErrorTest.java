package dev.freshet.fragments.mkv;

import org.junit.jupiter.api.Test;

import static dev.freshet.fragments.mkv.Ebml.avTracks;
import static dev.freshet.fragments.mkv.Ebml.cat;
import static dev.freshet.fragments.mkv.Ebml.ebmlHeader;
import static dev.freshet.fragments.mkv.Ebml.el;
import static dev.freshet.fragments.mkv.Ebml.hex;
import static dev.freshet.fragments.mkv.Ebml.simpleBlock;
import static dev.freshet.fragments.mkv.Ebml.trackEntry;
import static dev.freshet.fragments.mkv.Ebml.uint;
import static dev.freshet.fragments.mkv.Ebml.unknown;
import static dev.freshet.fragments.mkv.MkvStreamParserTest.HEADER;
import static dev.freshet.fragments.mkv.MkvStreamParserTest.cluster;
import static dev.freshet.fragments.mkv.MkvStreamParserTest.liveCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MkvStreamParserErrorTest {

    static final byte[] LIVE_SEGMENT = cat(HEADER, unknown(MkvIds.SEGMENT), avTracks());
    static final MkvParserLimits SMALL = new MkvParserLimits(1000, 500, 3);

    @Test
    void errorIdsAreThoseOfPutMedia() {
        assertThat(MkvError.INVALID_MKV_DATA.errorId()).isEqualTo(4006);
        assertThat(MkvError.FRAGMENT_SIZE_LIMIT.errorId()).isEqualTo(4001);
        assertThat(MkvError.FRAGMENT_DURATION_LIMIT.errorId()).isEqualTo(4002);
        assertThat(MkvError.FRAGMENT_TIMECODE_NOT_MONOTONIC.errorId()).isEqualTo(4004);
        assertThat(MkvError.TRACK_NUMBER_MISMATCH.errorId()).isEqualTo(4010);
        assertThat(MkvError.FRAMES_MISSING_FOR_TRACK.errorId()).isEqualTo(4011);
        assertThat(MkvError.TOO_MANY_TRACKS.errorId()).isEqualTo(4012);
    }

    @Test
    void refusesOtherDocTypes() {
        assertError(ebmlHeader("avi"), MkvError.INVALID_MKV_DATA);
        assertError(el(MkvIds.EBML, uint(MkvIds.EBML_READ_VERSION, 2), Ebml.str(MkvIds.DOC_TYPE, "matroska")),
            MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesGarbageAndMisplacedElements() {
        assertError(hex("00"), MkvError.INVALID_MKV_DATA);
        assertError(hex("ff81"), MkvError.INVALID_MKV_DATA);
        assertError(cat(unknown(MkvIds.SEGMENT)), MkvError.INVALID_MKV_DATA);      // no EBML header
        assertError(cat(HEADER, avTracks()), MkvError.INVALID_MKV_DATA);            // Tracks outside a Segment
        assertError(cat(HEADER, unknown(MkvIds.SEGMENT), cluster(0, simpleBlock(1, 0, true, hex("01")))),
            MkvError.INVALID_MKV_DATA);                                                 // block before Tracks
    }

    @Test
    void refusesUnknownSizesWhereMatroskaForbidsThem() {
        assertError(cat(HEADER, unknown(MkvIds.SEGMENT), unknown(MkvIds.TRACKS)), MkvError.INVALID_MKV_DATA);
        assertError(cat(LIVE_SEGMENT, unknown(MkvIds.CUES)), MkvError.INVALID_MKV_DATA);
        assertError(cat(LIVE_SEGMENT, liveCluster(0), unknown(MkvIds.SIMPLE_BLOCK)), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesChildrenThatOverrunTheirParent() {
        byte[] block = simpleBlock(1, 0, true, hex("0102"));
        byte[] sized = el(MkvIds.CLUSTER, uint(MkvIds.CLUSTER_TIMECODE, 0), block);
        sized[4] = (byte) (0x80 | (sized.length - 5 - 1)); // one octet short of its last child
        assertError(cat(LIVE_SEGMENT, sized, hex("00")), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesSegmentLevelElementsInsideASizedCluster() {
        byte[] inner = el(MkvIds.CLUSTER, uint(MkvIds.CLUSTER_TIMECODE, 0), el(MkvIds.TAGS));
        assertError(cat(LIVE_SEGMENT, inner), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesBlocksOutsideAClusterRatherThanDroppingThem() {
        byte[] stream = cat(LIVE_SEGMENT, cluster(0, simpleBlock(1, 0, true, hex("01"))),
            simpleBlock(1, 40, false, hex("02")));
        assertError(stream, MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesClustersWithoutTimecode() {
        assertError(cat(LIVE_SEGMENT, el(MkvIds.CLUSTER, simpleBlock(1, 0, true, hex("01")))), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesBlocksBeforeTheClusterTimestamp() {
        byte[] late = el(MkvIds.CLUSTER, simpleBlock(1, 0, true, hex("01")), uint(MkvIds.CLUSTER_TIMECODE, 0));
        assertError(cat(LIVE_SEGMENT, late), MkvError.INVALID_MKV_DATA);
        byte[] liveLate = cat(unknown(MkvIds.CLUSTER), simpleBlock(1, 0, true, hex("01")));
        assertError(cat(LIVE_SEGMENT, liveLate), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesBrokenLacing() {
        byte[] fixed = el(MkvIds.SIMPLE_BLOCK, hex("81 0000 84 02"), hex("0102030405"));
        byte[] xiph = el(MkvIds.SIMPLE_BLOCK, hex("81 0000 82 01 ff ff"), hex("0102"));
        byte[] ebml = el(MkvIds.SIMPLE_BLOCK, hex("81 0000 86 02 82 80"), hex("0102030405"));
        assertError(cat(LIVE_SEGMENT, cluster(0, fixed)), MkvError.INVALID_MKV_DATA);
        assertError(cat(LIVE_SEGMENT, cluster(0, xiph)), MkvError.INVALID_MKV_DATA);
        assertError(cat(LIVE_SEGMENT, cluster(0, ebml)), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesBlocksOfUndefinedTracks() {
        assertError(cat(LIVE_SEGMENT, cluster(0, simpleBlock(3, 0, true, hex("01")))), MkvError.TRACK_NUMBER_MISMATCH);
    }

    @Test
    void refusesMoreTracksThanAllowed() {
        byte[] four = el(MkvIds.TRACKS, trackEntry(1, 1, "V_MPEG4/ISO/AVC"), trackEntry(2, 2, "A_AAC"),
            trackEntry(3, 2, "A_AAC"), trackEntry(4, 2, "A_AAC"));
        assertError(cat(HEADER, unknown(MkvIds.SEGMENT), four), MkvError.TOO_MANY_TRACKS);
    }

    @Test
    void refusesDuplicateOrZeroTrackNumbers() {
        byte[] twice = el(MkvIds.TRACKS, trackEntry(1, 1, "V_MPEG4/ISO/AVC"), trackEntry(1, 2, "A_AAC"));
        assertError(cat(HEADER, unknown(MkvIds.SEGMENT), twice), MkvError.INVALID_MKV_DATA);
        assertError(cat(HEADER, unknown(MkvIds.SEGMENT), el(MkvIds.TRACKS, trackEntry(0, 1, "V_VP8"))),
            MkvError.INVALID_MKV_DATA);
    }

    @Test
    void refusesASizedClusterAboveTheLimitFromItsHeader() {
        byte[] header = cat(LIVE_SEGMENT, hex("1f43b675 0100000010000000"));
        assertError(header, MkvError.FRAGMENT_SIZE_LIMIT, MkvParserLimits.KVS);
    }

    @Test
    void refusesALiveClusterOnceItGrowsPastTheLimit() {
        byte[] big = cat(LIVE_SEGMENT, liveCluster(0, simpleBlock(1, 0, true, new byte[600]),
            simpleBlock(1, 40, false, new byte[600])));
        assertError(big, MkvError.FRAGMENT_SIZE_LIMIT, SMALL);
    }

    @Test
    void refusesHeaderElementsAboveTheLimit() {
        byte[] bigTags = el(MkvIds.TAGS, new byte[600]);
        assertError(cat(LIVE_SEGMENT, bigTags), MkvError.FRAGMENT_SIZE_LIMIT, SMALL);
    }

    @Test
    void skipsLargeElementsWithoutLimit() {
        byte[] stream = cat(LIVE_SEGMENT, el(MkvIds.ATTACHMENTS, new byte[5000]),
            liveCluster(0, simpleBlock(1, 0, true, hex("01"))));
        RecordingListener l = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(l, SMALL);
        parser.feed(stream, 0, stream.length);
        parser.finish();
        assertThat(l.clusters).hasSize(1);
    }

    @Test
    void refusesAStreamThatEndsInsideAnElement() {
        byte[] stream = cat(LIVE_SEGMENT, liveCluster(0, simpleBlock(1, 0, true, hex("0102"))));
        for (int cut = 1; cut < 8; cut++) { // the SimpleBlock takes the last 8 octets
            byte[] truncated = java.util.Arrays.copyOf(stream, stream.length - cut);
            assertError(truncated, MkvError.INVALID_MKV_DATA);
        }
        byte[] sized = cat(LIVE_SEGMENT, cluster(0, simpleBlock(1, 0, true, hex("0102"))));
        assertError(java.util.Arrays.copyOf(sized, sized.length - 4), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void isUnusableAfterAnError() {
        MkvStreamParser parser = new MkvStreamParser(new RecordingListener());
        byte[] bad = hex("00");
        assertThatThrownBy(() -> parser.feed(bad, 0, 1)).isInstanceOf(MkvException.class);
        assertThatThrownBy(() -> parser.feed(HEADER, 0, HEADER.length)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(parser::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerCanRefuseUnknownCodecs() {
        byte[] stream = cat(HEADER, unknown(MkvIds.SEGMENT), el(MkvIds.TRACKS, trackEntry(1, 1, "V_VP8")));
        MkvStreamParser parser = new MkvStreamParser(new MkvStreamParser.Listener() {
            @Override
            public void onTracks(MkvTracks tracks) {
                if (!tracks.unknownCodecs().isEmpty()) {
                    throw MkvException.invalid("codec " + tracks.unknownCodecs().get(0).codecId());
                }
            }
        });
        assertThatThrownBy(() -> parser.feed(stream, 0, stream.length)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.reason()).contains("V_VP8"));
    }

    private static void assertError(byte[] stream, MkvError error) {
        assertError(stream, error, MkvParserLimits.KVS);
    }

    /** Whole and one octet at a time, the stream fails with {@code error}. */
    private static void assertError(byte[] stream, MkvError error, MkvParserLimits limits) {
        assertThatThrownBy(() -> parse(stream, stream.length, limits)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(error));
        assertThatThrownBy(() -> parse(stream, 1, limits)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(error));
    }

    private static void parse(byte[] stream, int chunk, MkvParserLimits limits) {
        MkvStreamParser parser = new MkvStreamParser(new RecordingListener(), limits);
        for (int off = 0; off < stream.length; off += chunk) {
            parser.feed(stream, off, Math.min(chunk, stream.length - off));
        }
        parser.finish();
    }
}
