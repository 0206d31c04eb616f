package dev.freshet.webrtc.srtp;

import dev.freshet.webrtc.MalformedInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * SRTP for one direction of one DTLS association (RFC 3711 §3.3): protects RTP packets we send,
 * or unprotects those we receive, for every SSRC keyed by the same master key. Each SSRC keeps
 * its own rollover counter and (receiving) replay window; a stream's state is created only once
 * its first packet authenticated, so forged packets leave nothing behind.
 *
 * <pre>
 * | RTP header (incl. CSRCs, extension) | payload (encrypted) | tag (10 or 16) |
 * </pre>
 *
 * <p>Not thread-safe: use one context per direction from one thread (it reuses Cipher/Mac).
 */
public final class SrtpContext {

    private final PacketCipher cipher;
    private final int tagLength;
    private final int replayWindowSize;
    private final Map<Integer, Stream> streams = new HashMap<>();

    SrtpContext(SrtpProfile profile, SessionKeys keys, int replayWindowSize) {
        this.cipher = PacketCipher.create(profile, keys);
        this.tagLength = profile.tagLength();
        this.replayWindowSize = replayWindowSize;
    }

    /** A context keyed by {@code master}: the sending or the receiving key of the association. */
    public static SrtpContext create(SrtpProfile profile, SrtpMasterKey master) {
        return new SrtpContext(profile, SessionKeys.forSrtp(profile, master), ReplayWindow.DEFAULT_SIZE);
    }

    /**
     * Returns the protected copy of the RTP packet {@code packet[offset, offset+length)}.
     *
     * @throws MalformedInputException if the packet's header is not a valid RTP header
     */
    public byte[] protect(byte[] packet, int offset, int length) {
        int headerLength = RtpHeader.length(packet, offset, length);
        int ssrc = RtpHeader.ssrc(packet, offset);
        Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream(replayWindowSize));
        long index = stream.rollover.estimate(RtpHeader.sequenceNumber(packet, offset));
        stream.rollover.update(index);
        byte[] out = new byte[length + tagLength];
        cipher.protectRtp(packet, offset, length, headerLength, ssrc, index, out);
        return out;
    }

    /**
     * Authenticates and decrypts in place the SRTP packet {@code packet[offset, offset+length)}.
     * Never throws for what a peer sends: failures are statuses to count and drop.
     */
    public UnprotectResult unprotect(byte[] packet, int offset, int length) {
        int headerLength;
        try {
            headerLength = RtpHeader.length(packet, offset, length - tagLength);
        } catch (MalformedInputException e) {
            return UnprotectResult.malformed((SrtpMalformed) e.reason());
        }
        int ssrc = RtpHeader.ssrc(packet, offset);
        Stream stream = streams.get(ssrc);
        Stream candidate = stream != null ? stream : new Stream(replayWindowSize);
        long index = candidate.rollover.estimate(RtpHeader.sequenceNumber(packet, offset));
        if (index < 0 || candidate.replay.isReplay(index)) {
            return UnprotectResult.REPLAYED;
        }
        if (!cipher.unprotectRtp(packet, offset, length, headerLength, ssrc, index)) {
            return UnprotectResult.AUTH_FAILED;
        }
        candidate.rollover.update(index);
        candidate.replay.accept(index);
        if (stream == null) {
            streams.put(ssrc, candidate);
        }
        int packetLength = length - tagLength;
        return UnprotectResult.ok(packetLength, offset + headerLength, packetLength - headerLength);
    }

    /** Per-SSRC state: where the sequence numbers are, and what was received. */
    private static final class Stream {
        final RolloverCounter rollover = new RolloverCounter(0);
        final ReplayWindow replay;

        Stream(int replayWindowSize) {
            this.replay = new ReplayWindow(replayWindowSize);
        }
    }
}
