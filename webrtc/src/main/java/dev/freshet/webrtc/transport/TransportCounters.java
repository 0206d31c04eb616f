package dev.freshet.webrtc.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one {@link SecureTransport} received and refused, for metrics and logs: every datagram is
 * counted once, under what became of it.
 *
 * <p>Thread-safe.
 */
public final class TransportCounters {

    final LongAdder rtp = new LongAdder();
    final LongAdder rtcp = new LongAdder();
    final LongAdder dtls = new LongAdder();
    final LongAdder beforeKeys = new LongAdder();
    final LongAdder authFailed = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder unknown = new LongAdder();

    /** SRTP packets that decrypted and authenticated. */
    public long rtp() {
        return rtp.sum();
    }

    /** SRTCP packets that decrypted and authenticated. */
    public long rtcp() {
        return rtcp.sum();
    }

    /** DTLS records handed to the handshake (and later alerts). */
    public long dtls() {
        return dtls.sum();
    }

    /** SRTP or SRTCP that arrived before the keys existed and could not be held for them (over the budget, or the handshake failed). */
    public long beforeKeys() {
        return beforeKeys.sum();
    }

    /** Packets whose authentication tag did not verify. */
    public long authFailed() {
        return authFailed.sum();
    }

    /** Packets already received, or too old for the replay window. */
    public long replayed() {
        return replayed.sum();
    }

    /** SRTP or SRTCP too short or broken to process. */
    public long malformed() {
        return malformed.sum();
    }

    /** Datagrams of no protocol carried here (ZRTP, TURN channel data, garbage). */
    public long unknown() {
        return unknown.sum();
    }
}
