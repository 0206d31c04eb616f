package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;

/** Why an RTCP packet or compound packet was refused; the ids are stable names for counters. */
public enum RtcpMalformed implements MalformedInputException.Reason {
    /** Fewer than the 4 bytes of a common header where one should start. */
    TRUNCATED_HEADER("rtcp.truncated-header"),
    /** The version field is not 2. */
    BAD_VERSION("rtcp.bad-version"),
    /** The length word runs past the datagram, or a single packet is not exactly its length. */
    BAD_LENGTH("rtcp.bad-length"),
    /** The padding count is 0 or larger than the packet's body. */
    BAD_PADDING("rtcp.bad-padding"),
    /** The body is shorter than its count field or its fixed fields need. */
    TRUNCATED_BODY("rtcp.truncated-body"),
    /** An SDES chunk is not ended by a null item within the packet. */
    BAD_SDES("rtcp.bad-sdes"),
    /** Transport-wide feedback with the reserved status symbol 11. */
    BAD_PACKET_STATUS("rtcp.bad-packet-status"),
    /** A single packet given to a type's decoder is of another packet type or format. */
    UNEXPECTED_TYPE("rtcp.unexpected-type");

    private final String id;

    RtcpMalformed(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
