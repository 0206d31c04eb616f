package dev.freshet.webrtc.dtls;

import dev.freshet.webrtc.dtls.DtlsHandshakeException.Failure;
import dev.freshet.webrtc.srtp.SrtpKeyingMaterial;
import dev.freshet.webrtc.srtp.SrtpProfile;
import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The state of one handshake that the Bouncy Castle client and server peers share: the checks
 * WebRTC adds to DTLS (peer fingerprint, use_srtp profile), the reason when one fails, and the
 * exported SRTP keys. Bouncy Castle turns our exceptions into alerts and
 * rethrows its own, so the reason is recorded here and read back by {@link #explain}.
 *
 * <p>Written by the handshake thread, read after it returns: fields are volatile.
 */
final class Handshake {

    private final DtlsParameters parameters;
    private final BcTlsCrypto crypto;
    private volatile DtlsHandshakeException failure;
    private volatile SrtpProfile profile;
    private volatile SrtpKeyingMaterial keyingMaterial;

    Handshake(DtlsParameters parameters, BcTlsCrypto crypto) {
        this.parameters = parameters;
        this.crypto = crypto;
    }

    /**
     * ECDHE with our ECDSA certificate only, AEAD first, one CBC suite last for older stacks;
     * both peers offer the same.
     */
    int[] cipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, new int[] {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        });
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, parameters.handshakeTimeout().toMillis());
    }

    /** Our certificate and key, signing with ECDSA over SHA-256. */
    TlsCredentialedSigner signer(TlsContext context) throws IOException {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                parameters.certificate().privateKey(), parameters.certificate().chain(crypto),
                new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /** The peer's end-entity certificate must hash to the fingerprint from its SDP. */
    void verifyPeer(Certificate chain) throws TlsFatalAlert {
        if (chain == null || chain.isEmpty()) {
            throw fail(Failure.NO_PEER_CERTIFICATE, "peer sent no certificate", AlertDescription.handshake_failure);
        }
        byte[] der;
        try {
            der = chain.getCertificateAt(0).getEncoded();
        } catch (IOException e) {
            throw fail(Failure.PROTOCOL, "unreadable peer certificate", AlertDescription.bad_certificate);
        }
        Fingerprint expected = parameters.remoteFingerprint();
        if (!expected.matches(der)) {
            throw fail(Failure.FINGERPRINT_MISMATCH, "peer certificate is " + Fingerprint.of(expected.algorithm(), der)
                    + ", SDP said " + expected, AlertDescription.bad_certificate);
        }
    }

    /** Server side: our first preference among the client's offer (RFC 5764 §4.1.1). */
    SrtpProfile choose(UseSRTPData offer) throws TlsFatalAlert {
        if (offer != null) {
            for (SrtpProfile candidate : parameters.srtpProfiles()) {
                for (int id : offer.getProtectionProfiles()) {
                    if (id == candidate.id()) {
                        profile = candidate;
                        return candidate;
                    }
                }
            }
        }
        throw fail(Failure.NO_COMMON_SRTP_PROFILE, offer == null ? "client did not offer use_srtp"
                : "client offered none of " + parameters.srtpProfiles(), AlertDescription.handshake_failure);
    }

    /** Client side: the server must pick exactly one of the profiles we offered. */
    void accept(UseSRTPData answer) throws TlsFatalAlert {
        if (answer == null || answer.getProtectionProfiles().length != 1) {
            throw fail(Failure.NO_COMMON_SRTP_PROFILE, "server did not select an SRTP profile",
                    AlertDescription.handshake_failure);
        }
        int id = answer.getProtectionProfiles()[0];
        profile = parameters.srtpProfiles().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> fail(Failure.NO_COMMON_SRTP_PROFILE, "server selected unoffered profile " + id,
                        AlertDescription.illegal_parameter));
    }

    UseSRTPData offer() {
        return new UseSRTPData(parameters.srtpProfiles().stream().mapToInt(SrtpProfile::id).toArray(), TlsUtils.EMPTY_BYTES);
    }

    /** RFC 5764 §4.2 key export; Bouncy Castle allows it only while notifying completion. */
    void completed(TlsContext context) {
        keyingMaterial = SrtpKeyingMaterial.export(profile,
                (label, length) -> context.exportKeyingMaterial(label, null, length));
    }

    /** The exported keys, once the protocol call returned successfully. */
    SrtpKeyingMaterial keyingMaterial() {
        return keyingMaterial;
    }

    /** The recorded reason if one of our checks failed, else a reason derived from Bouncy Castle's error. */
    DtlsHandshakeException explain(IOException e) {
        if (failure != null) {
            return failure;
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsHandshakeException(Failure.TIMEOUT, "no handshake within " + parameters.handshakeTimeout(), e);
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return new DtlsHandshakeException(Failure.PEER_ALERT,
                    AlertDescription.getText(received.getAlertDescription()), e);
        }
        return new DtlsHandshakeException(Failure.PROTOCOL, String.valueOf(e.getMessage()), e);
    }

    private TlsFatalAlert fail(Failure reason, String detail, short alert) {
        failure = new DtlsHandshakeException(reason, detail, null);
        return new TlsFatalAlert(alert, detail);
    }
}
