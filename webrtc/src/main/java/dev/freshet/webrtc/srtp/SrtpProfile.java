package dev.freshet.webrtc.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles WebRTC negotiates through DTLS use_srtp, with the key, salt and
 * tag sizes each one implies. The ids are the IANA "DTLS-SRTP Protection Profiles" values
 * (RFC 5764 §4.1.2, RFC 7714 §14.2), which is how the DTLS layer names them without this package
 * knowing about DTLS.
 *
 * <p>Immutable.
 */
public enum SrtpProfile {
    /** RFC 3711 default transform: AES-128 counter mode, HMAC-SHA1 truncated to 80 bits. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10),
    /** RFC 7714: AES-128-GCM; the tag is the AEAD tag, there is no separate auth key. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int authKeyLength;
    private final int tagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int tagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.authKeyLength = authKeyLength;
        this.tagLength = tagLength;
    }

    /** The IANA DTLS-SRTP protection profile value. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Session authentication key length; 0 for AEAD profiles. */
    public int authKeyLength() {
        return authKeyLength;
    }

    /** Bytes of authentication tag appended to every SRTP and SRTCP packet. */
    public int tagLength() {
        return tagLength;
    }

    public boolean aead() {
        return authKeyLength == 0;
    }

    /** The profile with the IANA value {@code id}, if this package implements it. */
    public static Optional<SrtpProfile> fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
