package dev.freshet.webrtc.dtls;

import dev.freshet.webrtc.srtp.SrtpKeyingMaterial;
import dev.freshet.webrtc.srtp.SrtpMasterKey;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished DTLS 1.2 association with use_srtp (RFC 5764, RFC 8827 §6.5): mutual certificate
 * authentication against the SDP fingerprints, the negotiated SRTP profile and both directions'
 * master keys. {@link #handshake} blocks the calling thread until done, failed or timed out;
 * run it off the socket thread, which keeps feeding the {@link QueuedDatagramTransport}.
 *
 * <p>Thread-safe after construction: the keys are immutable; {@link #close()} may be called once
 * from any thread.
 */
public final class DtlsTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DtlsTransport.class);

    private final DtlsRole role;
    private final DTLSTransport association;
    private final SrtpKeyingMaterial keyingMaterial;

    private DtlsTransport(DtlsRole role, DTLSTransport association, SrtpKeyingMaterial keyingMaterial) {
        this.role = role;
        this.association = association;
        this.keyingMaterial = keyingMaterial;
    }

    /**
     * Runs the handshake as {@code parameters.role()} over {@code datagrams}.
     *
     * @throws DtlsHandshakeException with the reason: fingerprint mismatch, no common SRTP
     *                                profile, timeout, a peer alert or a protocol error
     */
    public static DtlsTransport handshake(DtlsParameters parameters, DatagramTransport datagrams)
            throws DtlsHandshakeException {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Handshake handshake = new Handshake(parameters, crypto);
        long start = System.nanoTime();
        try {
            DTLSTransport association = parameters.role() == DtlsRole.SERVER
                    ? acceptAsServer(crypto, handshake, datagrams)
                    : new DTLSClientProtocol().connect(new DtlsSrtpClient(crypto, handshake), datagrams);
            SrtpKeyingMaterial keys = handshake.keyingMaterial();
            LOG.debug("DTLS {} handshake done in {} ms, {}", parameters.role(), (System.nanoTime() - start) / 1_000_000,
                    keys.profile());
            return new DtlsTransport(parameters.role(), association, keys);
        } catch (IOException | RuntimeException e) {
            DtlsHandshakeException failure = handshake.explain(e instanceof IOException io ? io : new IOException(e));
            LOG.debug("DTLS {} handshake failed: {}", parameters.role(), failure.getMessage());
            throw failure;
        }
    }

    private static DTLSTransport acceptAsServer(BcTlsCrypto crypto, Handshake handshake, DatagramTransport datagrams)
            throws IOException {
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        // ICE connectivity checks already proved the peer owns its address; a cookie round trip adds nothing
        protocol.setVerifyRequests(false);
        return protocol.accept(new DtlsSrtpServer(crypto, handshake), datagrams);
    }

    public DtlsRole role() {
        return role;
    }

    /** The negotiated profile and both master keys. */
    public SrtpKeyingMaterial srtpKeyingMaterial() {
        return keyingMaterial;
    }

    /** The master key for the SRTP/SRTCP we send. */
    public SrtpMasterKey sendingKey() {
        return keyingMaterial.sending(role == DtlsRole.CLIENT);
    }

    /** The master key for the SRTP/SRTCP we receive. */
    public SrtpMasterKey receivingKey() {
        return keyingMaterial.receiving(role == DtlsRole.CLIENT);
    }

    /** Sends close_notify and closes the underlying datagram transport. */
    @Override
    public void close() {
        try {
            association.close();
        } catch (IOException e) {
            LOG.debug("DTLS close_notify not sent: {}", e.toString());
        }
    }
}
