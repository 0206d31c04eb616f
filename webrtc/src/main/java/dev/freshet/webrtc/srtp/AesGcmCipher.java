package dev.freshet.webrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714 §8, §9).
 *
 * <pre>
 * SRTP : | header (AAD) | ciphertext | tag (16) |
 * SRTCP: | header (8, AAD) | ciphertext | tag (16) | E|index (4, AAD) |
 *        with E = 0 the whole plain packet and E|index are AAD and only the tag is computed
 * IV   = (0x0000 || SSRC || ROC || SEQ) XOR salt      SRTCP: (0x0000 || SSRC || 0x0000 || index)
 * </pre>
 *
 * <p>Not thread-safe: one Cipher and scratch arrays per instance.
 */
final class AesGcmCipher implements PacketCipher {

    private static final int RTCP_HEADER = 8;

    private final SecretKeySpec key;
    private final byte[] salt;
    private final int tagLength;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];
    private Cipher gcm;

    AesGcmCipher(SessionKeys keys, int tagLength) {
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.salt = keys.salt();
        this.tagLength = tagLength;
        this.gcm = newCipher();
    }

    @Override
    public int protectRtp(byte[] in, int offset, int length, int headerLength, int ssrc, long index, byte[] out) {
        PacketCipher.fillIv(iv, salt, 2, ssrc, index);
        System.arraycopy(in, offset, out, 0, headerLength);
        try {
            initEncrypt();
            gcm.updateAAD(in, offset, headerLength);
            return headerLength + gcm.doFinal(in, offset + headerLength, length - headerLength, out, headerLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM encryption into a large enough buffer cannot fail", e);
        }
    }

    @Override
    public boolean unprotectRtp(byte[] buf, int offset, int length, int headerLength, int ssrc, long index) {
        PacketCipher.fillIv(iv, salt, 2, ssrc, index);
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, iv));
            gcm.updateAAD(buf, offset, headerLength);
            int payload = offset + headerLength;
            gcm.doFinal(buf, payload, length - headerLength, buf, payload);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM decryption in place cannot fail but for the tag", e);
        }
    }

    @Override
    public int protectRtcp(byte[] in, int offset, int length, int ssrc, int index, byte[] out) {
        PacketCipher.fillIv(iv, salt, 2, ssrc, index);
        Bytes.putInt32(word, 0, index | 0x80000000);
        System.arraycopy(in, offset, out, 0, RTCP_HEADER);
        try {
            initEncrypt();
            gcm.updateAAD(in, offset, RTCP_HEADER);
            gcm.updateAAD(word);
            int sealed = gcm.doFinal(in, offset + RTCP_HEADER, length - RTCP_HEADER, out, RTCP_HEADER);
            System.arraycopy(word, 0, out, RTCP_HEADER + sealed, 4);
            return RTCP_HEADER + sealed + 4;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM encryption into a large enough buffer cannot fail", e);
        }
    }

    @Override
    public boolean unprotectRtcp(byte[] buf, int offset, int plainLength, int ssrc, int indexWord) {
        PacketCipher.fillIv(iv, salt, 2, ssrc, indexWord & 0x7FFFFFFF);
        Bytes.putInt32(word, 0, indexWord);
        boolean encrypted = indexWord < 0;
        int aadLength = encrypted ? RTCP_HEADER : plainLength;
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, iv));
            gcm.updateAAD(buf, offset, aadLength);
            gcm.updateAAD(word);
            int sealed = offset + aadLength;
            gcm.doFinal(buf, sealed, plainLength - aadLength + tagLength, buf, sealed);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GCM decryption in place cannot fail but for the tag", e);
        }
    }

    /**
     * The JDK refuses to encrypt twice in a row under the same IV. Protecting the same packet
     * again (a retransmission without RTX) does that legitimately: the same plaintext under the
     * same IV leaks nothing new. So start a fresh Cipher, which has no memory of the last IV.
     */
    private void initEncrypt() throws GeneralSecurityException {
        GCMParameterSpec spec = new GCMParameterSpec(tagLength * 8, iv);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        } catch (java.security.InvalidAlgorithmParameterException sameIvAsLastTime) {
            gcm = newCipher();
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }
}
