package dev.freshet.webrtc.transport;

import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.ice.LoopbackPeerHarvester;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Freshet's side (the shared port, ICE controlled, DTLS server) and a camera-like peer (its own
 * loopback socket, ICE controlling, DTLS client), connected over loopback with secure transports
 * feeding the given receivers. Handshakes are started, not awaited.
 */
public final class LoopbackPair implements AutoCloseable {

    public final IcePort port;
    public final IceSession serverIce;
    public final IceSession cameraIce;
    public final SecureTransport server;
    public final SecureTransport camera;

    public LoopbackPair(SecureTransport.Receiver serverReceiver, SecureTransport.Receiver cameraReceiver)
            throws Exception {
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        serverIce = IceSession.open(port, false);
        cameraIce = IceSession.withHarvester(new LoopbackPeerHarvester(), true);
        cameraIce.start(serverIce.localCredentials(), serverIce.localCandidates());
        serverIce.start(cameraIce.localCredentials(), List.of());
        serverIce.connected().get(10, TimeUnit.SECONDS);
        cameraIce.connected().get(10, TimeUnit.SECONDS);
        DtlsCertificate serverCertificate = DtlsCertificate.generate();
        DtlsCertificate cameraCertificate = DtlsCertificate.generate();
        server = SecureTransport.start(serverIce,
            DtlsParameters.of(DtlsRole.SERVER, serverCertificate, cameraCertificate.fingerprint()), serverReceiver,
            "server");
        camera = SecureTransport.start(cameraIce,
            DtlsParameters.of(DtlsRole.CLIENT, cameraCertificate, serverCertificate.fingerprint()), cameraReceiver,
            "camera");
    }

    /** Waits for both handshakes. */
    public LoopbackPair ready() throws Exception {
        server.ready().get(10, TimeUnit.SECONDS);
        camera.ready().get(10, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        camera.close();
        server.close();
        cameraIce.close();
        serverIce.close();
        port.close();
    }
}
