package dev.freshet.fragments.mkv;

/**
 * The Element IDs Freshet reads or writes (RFC 8794 section 11.2 for EBML, RFC 9559 section 5.1 for
 * Matroska), marker bits included. Indentation shows the hierarchy.
 */
final class MkvIds {

    // EBML header (level 0)
    static final int EBML = 0x1A45DFA3;
    static final int EBML_VERSION = 0x4286;
    static final int EBML_READ_VERSION = 0x42F7;
    static final int EBML_MAX_ID_LENGTH = 0x42F2;
    static final int EBML_MAX_SIZE_LENGTH = 0x42F3;
    static final int DOC_TYPE = 0x4282;
    static final int DOC_TYPE_VERSION = 0x4287;
    static final int DOC_TYPE_READ_VERSION = 0x4285;

    // global elements, allowed anywhere
    static final int VOID = 0xEC;
    static final int CRC32 = 0xBF;

    // Segment (level 0) and its children (level 1)
    static final int SEGMENT = 0x18538067;
    static final int SEEK_HEAD = 0x114D9B74;
    static final int INFO = 0x1549A966;
    static final int TRACKS = 0x1654AE6B;
    static final int CLUSTER = 0x1F43B675;
    static final int CUES = 0x1C53BB6B;
    static final int CHAPTERS = 0x1043A770;
    static final int ATTACHMENTS = 0x1941A469;
    static final int TAGS = 0x1254C367;

    //   Info
    static final int TIMECODE_SCALE = 0x2AD7B1; // RFC 9559: TimestampScale
    static final int DURATION = 0x4489;
    static final int MUXING_APP = 0x4D80;
    static final int WRITING_APP = 0x5741;

    //   Tracks
    static final int TRACK_ENTRY = 0xAE;
    static final int TRACK_NUMBER = 0xD7;
    static final int TRACK_UID = 0x73C5;
    static final int TRACK_TYPE = 0x83;
    static final int FLAG_LACING = 0x9C;
    static final int DEFAULT_DURATION = 0x23E383;
    static final int NAME = 0x536E;
    static final int CODEC_ID = 0x86;
    static final int CODEC_PRIVATE = 0x63A2;
    static final int VIDEO = 0xE0;
    static final int PIXEL_WIDTH = 0xB0;
    static final int PIXEL_HEIGHT = 0xBA;
    static final int AUDIO = 0xE1;
    static final int SAMPLING_FREQUENCY = 0xB5;
    static final int CHANNELS = 0x9F;

    //   Cluster
    static final int CLUSTER_TIMECODE = 0xE7; // RFC 9559: Timestamp
    static final int SIMPLE_BLOCK = 0xA3;
    static final int BLOCK_GROUP = 0xA0;
    static final int BLOCK = 0xA1;
    static final int BLOCK_DURATION = 0x9B;
    static final int REFERENCE_BLOCK = 0xFB;

    //   Tags
    static final int TAG = 0x7373;
    static final int TARGETS = 0x63C0;
    static final int SIMPLE_TAG = 0x67C8;
    static final int TAG_NAME = 0x45A3;
    static final int TAG_STRING = 0x4487;

    static final int TRACK_TYPE_VIDEO = 1;
    static final int TRACK_TYPE_AUDIO = 2;

    private MkvIds() {
    }

    /** Whether {@code id} ends an unknown-size Cluster: a Segment child or a new EBML document. */
    static boolean endsCluster(int id) {
        return switch (id) {
            case CLUSTER, INFO, TRACKS, TAGS, CUES, SEEK_HEAD, CHAPTERS, ATTACHMENTS, SEGMENT, EBML -> true;
            default -> false;
        };
    }

    /** Whether {@code id} ends an unknown-size Segment: a new EBML document begins. */
    static boolean endsSegment(int id) {
        return id == EBML || id == SEGMENT;
    }
}
