package dev.freshet.webrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-CM pseudo-random function that turns a master key and salt into session keys
 * (RFC 3711 §4.3.1 and §4.3.3; RFC 7714 §11 reuses it with a 12-byte salt).
 *
 * <pre>
 * key_id = label || (index DIV kdr)        kdr = 0, so the index part is 0
 * x      = key_id XOR master_salt          (key_id right-aligned in the 112-bit salt)
 * out    = AES-CM(master_key, x * 2^16)    keystream, truncated to the wanted length
 * </pre>
 * A shorter (12-byte) salt sits left-aligned, so the label still lands in byte 7.
 *
 * <p>Stateless and thread-safe.
 */
final class KeyDerivation {

    static final int SRTP_ENCRYPTION = 0;
    static final int SRTP_AUTHENTICATION = 1;
    static final int SRTP_SALT = 2;
    static final int SRTCP_ENCRYPTION = 3;
    static final int SRTCP_AUTHENTICATION = 4;
    static final int SRTCP_SALT = 5;

    private KeyDerivation() {
    }

    static byte[] derive(SrtpMasterKey master, int label, int length) {
        byte[] iv = new byte[16];
        byte[] salt = master.salt();
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[7] ^= (byte) label;
        return aesCounterKeystream(master.key(), iv, length);
    }

    /** {@code length} bytes of AES counter-mode keystream starting at block {@code iv}. */
    static byte[] aesCounterKeystream(byte[] key, byte[] iv, int length) {
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return ctr.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is part of every JDK", e);
        }
    }
}
