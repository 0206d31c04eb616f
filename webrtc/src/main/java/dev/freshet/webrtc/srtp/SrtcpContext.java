package dev.freshet.webrtc.srtp;

import dev.freshet.webrtc.MalformedInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * SRTCP for one direction of one DTLS association (RFC 3711 §3.4): protects the compound RTCP
 * packets we send, or unprotects those we receive. The sender SSRC (bytes 4..7) picks the
 * per-SSRC state: the next SRTCP index to send, or the replay window of received ones. We always
 * encrypt (E = 1); we accept E = 0 packets, which are only authenticated.
 *
 * <pre>
 * AES-CM: | header (8) | encrypted | E|SRTCP index (4) | tag (10) |
 * GCM   : | header (8) | encrypted | tag (16) | E|SRTCP index (4) |   (RFC 7714 §9)
 * </pre>
 *
 * <p>Not thread-safe: use one context per direction from one thread (it reuses Cipher/Mac).
 */
public final class SrtcpContext {

    private static final int HEADER = 8;

    private final PacketCipher cipher;
    private final SrtpProfile profile;
    private final Map<Integer, Stream> streams = new HashMap<>();

    SrtcpContext(SrtpProfile profile, SessionKeys keys) {
        this.cipher = PacketCipher.create(profile, keys);
        this.profile = profile;
    }

    /** A context keyed by {@code master}: the sending or the receiving key of the association. */
    public static SrtcpContext create(SrtpProfile profile, SrtpMasterKey master) {
        return new SrtcpContext(profile, SessionKeys.forSrtcp(profile, master));
    }

    /**
     * Returns the protected copy of the compound RTCP packet {@code packet[offset, offset+length)}.
     *
     * @throws MalformedInputException if it is shorter than an RTCP header or not version 2
     */
    public byte[] protect(byte[] packet, int offset, int length) {
        SrtpMalformed bad = checkHeader(packet, offset, length);
        if (bad != null) {
            throw new MalformedInputException(bad, length + " bytes of RTCP");
        }
        int ssrc = Bytes.int32(packet, offset + 4);
        Stream stream = streams.computeIfAbsent(ssrc, s -> new Stream());
        int index = stream.nextIndex;
        // RFC 3711 §3.4: incremented modulo 2^31; rekeying long before that is the DTLS layer's job
        stream.nextIndex = (index + 1) & 0x7FFFFFFF;
        byte[] out = new byte[length + 4 + profile.tagLength()];
        cipher.protectRtcp(packet, offset, length, ssrc, index, out);
        return out;
    }

    /**
     * Authenticates and, if E is set, decrypts in place the SRTCP packet
     * {@code packet[offset, offset+length)}. Never throws for what a peer sends.
     */
    public UnprotectResult unprotect(byte[] packet, int offset, int length) {
        int plainLength = length - 4 - profile.tagLength();
        SrtpMalformed bad = checkHeader(packet, offset, plainLength);
        if (bad != null) {
            return UnprotectResult.malformed(bad);
        }
        int wordAt = offset + (profile.aead() ? length - 4 : plainLength);
        int indexWord = Bytes.int32(packet, wordAt);
        int ssrc = Bytes.int32(packet, offset + 4);
        Stream stream = streams.get(ssrc);
        long index = indexWord & 0x7FFFFFFFL;
        if (stream != null && stream.replay.isReplay(index)) {
            return UnprotectResult.REPLAYED;
        }
        if (!cipher.unprotectRtcp(packet, offset, plainLength, ssrc, indexWord)) {
            return UnprotectResult.AUTH_FAILED;
        }
        streams.computeIfAbsent(ssrc, s -> new Stream()).replay.accept(index);
        return UnprotectResult.ok(plainLength, offset, plainLength);
    }

    private static SrtpMalformed checkHeader(byte[] packet, int offset, int length) {
        if (length < HEADER) {
            return SrtpMalformed.TRUNCATED;
        }
        return (packet[offset] & 0xC0) == 0x80 ? null : SrtpMalformed.BAD_VERSION;
    }

    /** Per-SSRC state: the next index to send, and the indexes received. */
    private static final class Stream {
        int nextIndex;
        final ReplayWindow replay = new ReplayWindow(ReplayWindow.DEFAULT_SIZE);
    }
}
