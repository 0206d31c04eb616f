package dev.freshet.webrtc.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * Our DTLS identity: a self-signed ECDSA P-256 certificate (SHA256withECDSA) and its private key,
 * generated once per process. WebRTC peers do not check names or validity; they trust the
 * certificate because its fingerprint travelled in the signed-over-HTTPS SDP (RFC 8827 §6.5).
 * Generation takes ~1 s cold, so make one and share it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DtlsCertificate {

    /** Long enough that a server never outlives it; browsers ignore validity for DTLS anyway. */
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final byte[] der;
    private final AsymmetricKeyParameter privateKey;
    private final Fingerprint fingerprint;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey) {
        this.der = der;
        this.privateKey = privateKey;
        this.fingerprint = Fingerprint.of("sha-256", der);
    }

    /** Generates a fresh key pair and self-signed certificate with common name {@code freshet}. */
    public static DtlsCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=freshet");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(63, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new DtlsCertificate(holder.getEncoded(), PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("EC P-256 and SHA256withECDSA are part of every JDK", e);
        }
    }

    /** The sha-256 fingerprint for our SDP's {@code a=fingerprint:} line. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    /** The certificate as a one-element chain in {@code crypto}'s representation. */
    Certificate chain(TlsCrypto crypto) throws IOException {
        return new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    }
}
