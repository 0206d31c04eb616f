package dev.freshet.webrtc.depacketize;

/**
 * What a depacketizer dropped without it being malformed: losses the jitter buffer could not repair
 * and packet types a WebRTC peer should not send. Counted per reason in {@link DropCounters}.
 */
public enum DepacketizeDrop {
    /** A packet at or before the last one seen (a retransmission that came too late, or a copy). */
    DUPLICATE_PACKET("duplicate-packet"),
    /** A run of missing sequence numbers (counted once per run). */
    SEQUENCE_GAP("sequence-gap"),
    /** STAP-B, MTAP16, MTAP24 or FU-B: interleaved mode only, which WebRTC never negotiates. */
    UNSUPPORTED_PACKET_TYPE("unsupported-packet-type"),
    /** NAL unit type 0, 30 or 31: reserved or undefined, ignored as RFC 6184 5.2 says. */
    RESERVED_NAL_TYPE("reserved-nal-type"),
    /** A whole access unit not emitted: a packet of it lost, skipped or malformed. */
    DAMAGED_ACCESS_UNIT("damaged-access-unit");

    private final String id;

    DepacketizeDrop(String id) {
        this.id = id;
    }

    /** A stable name for metrics. */
    public String id() {
        return id;
    }
}
