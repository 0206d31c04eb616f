package dev.freshet.webrtc.srtp;

/**
 * One profile's packet transform for one kind of traffic (SRTP or SRTCP) with one set of session
 * keys. The contexts above it do parsing, index bookkeeping and replay; a cipher only encrypts
 * and authenticates bytes it is told are valid.
 *
 * <p>Not thread-safe: implementations reuse their Cipher and Mac instances.
 */
interface PacketCipher {

    /**
     * Copies the RTP packet {@code in[offset, offset+length)} to {@code out[0..)} protected,
     * returning the protected length ({@code length + tag}).
     */
    int protectRtp(byte[] in, int offset, int length, int headerLength, int ssrc, long index, byte[] out);

    /**
     * Verifies and decrypts in place the SRTP packet {@code buf[offset, offset+length)}, tag included.
     * Returns false, leaving the payload undefined, when the tag does not verify.
     */
    boolean unprotectRtp(byte[] buf, int offset, int length, int headerLength, int ssrc, long index);

    /**
     * Copies the RTCP packet to {@code out[0..)} encrypted (E = 1) with the SRTCP index trailer and
     * tag, returning the protected length ({@code length + 4 + tag}).
     */
    int protectRtcp(byte[] in, int offset, int length, int ssrc, int index, byte[] out);

    /**
     * Verifies, and when the E flag in {@code indexWord} is set decrypts in place, an SRTCP packet
     * whose plain part is {@code buf[offset, offset+plainLength)}.
     */
    boolean unprotectRtcp(byte[] buf, int offset, int plainLength, int ssrc, int indexWord);

    static PacketCipher create(SrtpProfile profile, SessionKeys keys) {
        return profile.aead()
                ? new AesGcmCipher(keys, profile.tagLength())
                : new AesCmHmacSha1Cipher(keys, profile.tagLength());
    }

    /**
     * The per-packet IV: the session salt XOR the SSRC XOR the 48-bit index, SSRC at
     * {@code ssrcAt}, index in the six bytes after it (RFC 3711 §4.1.1, RFC 7714 §8.1, §9.1).
     */
    static void fillIv(byte[] iv, byte[] salt, int ssrcAt, int ssrc, long index) {
        java.util.Arrays.fill(iv, (byte) 0);
        System.arraycopy(salt, 0, iv, 0, salt.length);
        Bytes.xorBigEndian(iv, ssrcAt, ssrc & 0xFFFFFFFFL, 4);
        Bytes.xorBigEndian(iv, ssrcAt + 4, index, 6);
    }
}
