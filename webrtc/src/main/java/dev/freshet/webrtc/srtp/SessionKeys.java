package dev.freshet.webrtc.srtp;

/**
 * The keys one packet transform uses: encryption key, authentication key (empty for AEAD) and
 * salt. SRTP and SRTCP each get their own set from the same master key (RFC 3711 §4.3.2 labels
 * 0..2 and 3..5).
 *
 * <p>Immutable by convention: the arrays are never handed out of this package.
 */
record SessionKeys(byte[] encryptionKey, byte[] authenticationKey, byte[] salt) {

    static SessionKeys forSrtp(SrtpProfile profile, SrtpMasterKey master) {
        return derive(profile, master, KeyDerivation.SRTP_ENCRYPTION);
    }

    static SessionKeys forSrtcp(SrtpProfile profile, SrtpMasterKey master) {
        return derive(profile, master, KeyDerivation.SRTCP_ENCRYPTION);
    }

    /** Labels are consecutive: encryption, authentication, salt. */
    private static SessionKeys derive(SrtpProfile profile, SrtpMasterKey master, int encryptionLabel) {
        return new SessionKeys(
                KeyDerivation.derive(master, encryptionLabel, profile.keyLength()),
                KeyDerivation.derive(master, encryptionLabel + 1, profile.authKeyLength()),
                KeyDerivation.derive(master, encryptionLabel + 2, profile.saltLength()));
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
