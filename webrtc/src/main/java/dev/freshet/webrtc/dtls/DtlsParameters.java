package dev.freshet.webrtc.dtls;

import dev.freshet.webrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one DTLS-SRTP handshake needs: our role and certificate, the fingerprint the remote SDP
 * announced, the SRTP profiles we accept in preference order, and how long the handshake may take.
 *
 * <p>Immutable.
 */
public record DtlsParameters(DtlsRole role, DtlsCertificate certificate, Fingerprint remoteFingerprint,
                             List<SrtpProfile> srtpProfiles, Duration handshakeTimeout) {

    /** GCM first: cheaper per packet than CM + HMAC and authenticates with a longer tag. */
    public static final List<SrtpProfile> DEFAULT_PROFILES =
            List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);

    /** Browsers retransmit for about 30 s; by then a live publisher has long given up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public DtlsParameters {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
        srtpProfiles = List.copyOf(srtpProfiles);
        if (srtpProfiles.isEmpty() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("need at least one SRTP profile and a positive timeout");
        }
    }

    public static DtlsParameters of(DtlsRole role, DtlsCertificate certificate, Fingerprint remoteFingerprint) {
        return new DtlsParameters(role, certificate, remoteFingerprint, DEFAULT_PROFILES, DEFAULT_TIMEOUT);
    }
}
