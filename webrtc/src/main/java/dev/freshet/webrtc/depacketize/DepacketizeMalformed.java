package dev.freshet.webrtc.depacketize;

import dev.freshet.webrtc.MalformedInputException;

/**
 * Why a payload format refused an RTP payload or a frame; {@link #id()} is the stable name counters
 * and logs use. Immutable; thread-safe.
 */
public enum DepacketizeMalformed implements MalformedInputException.Reason {
    /** An RTP payload of zero bytes: every H.264 and Opus payload starts with a header byte. */
    H264_EMPTY_PAYLOAD("h264.empty-payload"),
    /** A STAP-A whose NAL unit sizes run past the payload, or that holds no NAL unit. */
    H264_TRUNCATED_STAP_A("h264.truncated-stap-a"),
    /** A STAP-A carrying a NAL unit of size 0, or of a type that cannot be aggregated (0, 24..31). */
    H264_BAD_AGGREGATED_NAL("h264.bad-aggregated-nal"),
    /** An FU-A shorter than its indicator and header. */
    H264_TRUNCATED_FU_A("h264.truncated-fu-a"),
    /** An FU-A with both start and end bits set (RFC 6184 5.8 forbids a NAL unit in one FU). */
    H264_FU_A_START_AND_END("h264.fu-a-start-and-end"),
    /** An FU-A fragmenting a NAL unit type that cannot be fragmented (0, 24..31). */
    H264_BAD_FRAGMENTED_NAL("h264.bad-fragmented-nal"),
    /** An SPS or PPS the codec parser refuses, or a set of them no avcC can hold. */
    H264_BAD_PARAMETER_SET("h264.bad-parameter-set"),
    /** Length-prefixed frame data (to packetize) whose lengths run past the frame. */
    H264_BAD_FRAME_DATA("h264.bad-frame-data"),
    /** An RTP payload of zero bytes, where the Opus TOC byte must be. */
    OPUS_EMPTY_PAYLOAD("opus.empty-payload"),
    /** A code 1 packet whose two equal frames do not split the bytes evenly (RFC 6716 3.2.3). */
    OPUS_ODD_CODE1_LENGTH("opus.odd-code1-length"),
    /** A code 2 or 3 packet that ends inside its frame count or frame lengths. */
    OPUS_TRUNCATED_PACKET("opus.truncated-packet"),
    /** A code 3 packet of zero frames or of more than 120 ms (RFC 6716 3.2.5). */
    OPUS_BAD_FRAME_COUNT("opus.bad-frame-count");

    private final String id;

    DepacketizeMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
