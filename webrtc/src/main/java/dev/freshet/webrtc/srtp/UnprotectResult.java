package dev.freshet.webrtc.srtp;

/**
 * What unprotecting one SRTP or SRTCP packet gave. On {@link Status#OK} the buffer holds the
 * plain packet in place: {@code [offset, offset + packetLength)}, whose payload (RTP: after the
 * header incl. CSRCs and extension; RTCP: the whole compound packet) is
 * {@code [payloadOffset, payloadOffset + payloadLength)}. Other statuses are drops the caller
 * counts; they are not exceptions because a peer can cause them at line rate.
 *
 * <p>Immutable.
 */
public record UnprotectResult(Status status, SrtpMalformed malformed, int packetLength,
                              int payloadOffset, int payloadLength) {

    /** The outcome; only OK carries bounds. */
    public enum Status {
        OK,
        /** The tag did not verify: wrong key, corruption or forgery. */
        AUTH_FAILED,
        /** Already received, or older than the replay window (RFC 3711 §3.3.2). */
        REPLAYED,
        /** Unparseable; see {@link #malformed()}. */
        MALFORMED
    }

    static final UnprotectResult AUTH_FAILED = new UnprotectResult(Status.AUTH_FAILED, null, 0, 0, 0);
    static final UnprotectResult REPLAYED = new UnprotectResult(Status.REPLAYED, null, 0, 0, 0);

    static UnprotectResult ok(int packetLength, int payloadOffset, int payloadLength) {
        return new UnprotectResult(Status.OK, null, packetLength, payloadOffset, payloadLength);
    }

    static UnprotectResult malformed(SrtpMalformed reason) {
        return new UnprotectResult(Status.MALFORMED, reason, 0, 0, 0);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
