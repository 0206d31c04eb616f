package dev.freshet.webrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The Bouncy Castle server peer for DTLS 1.2 with use_srtp (RFC 5764 §4.1): demands a client
 * certificate, checks it against the remote SDP fingerprint, and answers the client's SRTP
 * profile list with our most preferred common profile.
 *
 * <p>Not thread-safe: one instance per handshake, driven by the handshake thread.
 */
final class DtlsSrtpServer extends DefaultTlsServer {

    private final Handshake handshake;
    private UseSRTPData selected;

    DtlsSrtpServer(BcTlsCrypto crypto, Handshake handshake) {
        super(crypto);
        this.handshake = handshake;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return handshake.cipherSuites();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshake.timeoutMillis();
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // RSA too: some WebRTC stacks (GStreamer's, older ones) still use RSA certificates
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(org.bouncycastle.tls.Certificate clientCertificate) throws IOException {
        handshake.verifyPeer(clientCertificate);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return handshake.signer(context);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        int id = handshake.choose(TlsSRTPUtils.getUseSRTPExtension(clientExtensions)).id();
        selected = new UseSRTPData(new int[] {id}, TlsUtils.EMPTY_BYTES);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, selected);
        return extensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        handshake.completed(context);
    }
}
