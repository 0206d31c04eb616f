package dev.freshet.webrtc.srtp;

import java.util.Arrays;

/**
 * One direction's SRTP master key and master salt (RFC 3711 §3.2.1), from which the session keys
 * of both SRTP and SRTCP are derived.
 *
 * <p>Immutable: the arrays are copied in and out, and {@link #toString()} does not print them.
 */
public record SrtpMasterKey(byte[] key, byte[] salt) {

    public SrtpMasterKey {
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey m && Arrays.equals(key, m.key) && Arrays.equals(salt, m.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        // keys must never reach a log line
        return "SrtpMasterKey[" + key.length + "+" + salt.length + " bytes]";
    }
}
