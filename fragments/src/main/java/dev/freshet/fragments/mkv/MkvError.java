package dev.freshet.fragments.mkv;

/**
 * Why MKV from a producer was refused, as the PutMedia {@code ErrorId} the ERROR acknowledgement
 * carries (KVS {@code API_dataplane_PutMedia}, "ErrorId").
 *
 * <p>{@link MkvStreamParser} raises {@link #INVALID_MKV_DATA}, {@link #FRAGMENT_SIZE_LIMIT},
 * {@link #TRACK_NUMBER_MISMATCH} and {@link #TOO_MANY_TRACKS}. The others are fragment rules that
 * need more than one cluster or the stream's state (durations, timecode order, every track in every
 * fragment); they are here so that the fragment checks above the parser report them the same way.
 */
public enum MkvError {
    /** 4001: a Cluster (fragment) is larger than the limit (50 MB in KVS), or a metadata element is too large. */
    FRAGMENT_SIZE_LIMIT(4001),
    /** 4002: a fragment lasts longer than the limit (10 s in KVS). */
    FRAGMENT_DURATION_LIMIT(4002),
    /** 4004: a fragment's timecode is lower than the previous fragment's. */
    FRAGMENT_TIMECODE_NOT_MONOTONIC(4004),
    /** 4006: the bytes are not valid EBML/Matroska. */
    INVALID_MKV_DATA(4006),
    /** 4010: a block names a track that the Tracks element does not define. */
    TRACK_NUMBER_MISMATCH(4010),
    /** 4011: a fragment holds no frame of a track the Tracks element defines. */
    FRAMES_MISSING_FOR_TRACK(4011),
    /** 4012: the Tracks element defines more tracks than allowed (3 in KVS). */
    TOO_MANY_TRACKS(4012);

    private final int errorId;

    MkvError(int errorId) {
        this.errorId = errorId;
    }

    /** The numeric {@code ErrorId} of the PutMedia ERROR acknowledgement. */
    public int errorId() {
        return errorId;
    }
}
