package dev.freshet.webrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 counter mode with HMAC-SHA1 truncated to the profile's tag (RFC 3711 §4.1.1, §4.2.1).
 *
 * <pre>
 * SRTP : | header | encrypted payload | tag |            tag = HMAC(header..payload || ROC)
 * SRTCP: | header (8) | encrypted | E|index (4) | tag |  tag = HMAC(header..E|index)
 * IV   = salt * 2^16  XOR  SSRC * 2^64  XOR  index * 2^16      (16 bytes, counter in last 2)
 * </pre>
 *
 * <p>Not thread-safe: one Cipher, one Mac and scratch arrays per instance.
 */
final class AesCmHmacSha1Cipher implements PacketCipher {

    private static final int RTCP_HEADER = 8;

    private final Cipher ctr;
    private final SecretKeySpec key;
    private final Mac mac;
    private final byte[] salt;
    private final int tagLength;
    private final byte[] iv = new byte[16];
    private final byte[] digest = new byte[20];
    private final byte[] word = new byte[4];

    AesCmHmacSha1Cipher(SessionKeys keys, int tagLength) {
        try {
            this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
            this.mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(keys.authenticationKey(), "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR and HmacSHA1 are part of every JDK", e);
        }
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.salt = keys.salt();
        this.tagLength = tagLength;
    }

    @Override
    public int protectRtp(byte[] in, int offset, int length, int headerLength, int ssrc, long index, byte[] out) {
        System.arraycopy(in, offset, out, 0, headerLength);
        crypt(in, offset + headerLength, length - headerLength, out, headerLength, ssrc, index);
        Bytes.putInt32(word, 0, (int) (index >>> 16));
        sign(out, 0, length, word);
        System.arraycopy(digest, 0, out, length, tagLength);
        return length + tagLength;
    }

    @Override
    public boolean unprotectRtp(byte[] buf, int offset, int length, int headerLength, int ssrc, long index) {
        int authenticated = length - tagLength;
        Bytes.putInt32(word, 0, (int) (index >>> 16));
        sign(buf, offset, authenticated, word);
        if (!Bytes.constantTimeEquals(digest, 0, buf, offset + authenticated, tagLength)) {
            return false;
        }
        int payload = offset + headerLength;
        crypt(buf, payload, authenticated - headerLength, buf, payload, ssrc, index);
        return true;
    }

    @Override
    public int protectRtcp(byte[] in, int offset, int length, int ssrc, int index, byte[] out) {
        System.arraycopy(in, offset, out, 0, RTCP_HEADER);
        crypt(in, offset + RTCP_HEADER, length - RTCP_HEADER, out, RTCP_HEADER, ssrc, index);
        Bytes.putInt32(out, length, index | 0x80000000);
        sign(out, 0, length + 4, null);
        System.arraycopy(digest, 0, out, length + 4, tagLength);
        return length + 4 + tagLength;
    }

    @Override
    public boolean unprotectRtcp(byte[] buf, int offset, int plainLength, int ssrc, int indexWord) {
        sign(buf, offset, plainLength + 4, null);
        if (!Bytes.constantTimeEquals(digest, 0, buf, offset + plainLength + 4, tagLength)) {
            return false;
        }
        if (indexWord < 0) {
            int body = offset + RTCP_HEADER;
            crypt(buf, body, plainLength - RTCP_HEADER, buf, body, ssrc, indexWord & 0x7FFFFFFF);
        }
        return true;
    }

    /** HMAC-SHA1 of {@code buf[offset, offset+length)} then {@code trailer}, into {@link #digest}. */
    private void sign(byte[] buf, int offset, int length, byte[] trailer) {
        try {
            mac.update(buf, offset, length);
            if (trailer != null) {
                mac.update(trailer);
            }
            mac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("digest buffer is 20 bytes", e);
        }
    }

    /** Counter mode is its own inverse, so this both encrypts and decrypts; in place is fine. */
    private void crypt(byte[] in, int inOffset, int length, byte[] out, int outOffset, int ssrc, long index) {
        PacketCipher.fillIv(iv, salt, 4, ssrc, index);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            ctr.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR with a 16-byte key and IV cannot fail", e);
        }
    }
}
