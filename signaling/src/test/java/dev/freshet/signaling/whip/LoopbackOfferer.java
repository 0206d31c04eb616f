package dev.freshet.signaling.whip;

import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.dtls.Fingerprint;
import dev.freshet.webrtc.ice.IceCandidate;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.ice.LoopbackPeerHarvester;
import dev.freshet.webrtc.sdp.Candidate;
import dev.freshet.webrtc.sdp.MediaDescription;
import dev.freshet.webrtc.sdp.SessionDescription;
import dev.freshet.webrtc.sdp.TransportAttributes;
import dev.freshet.webrtc.transport.SecureTransport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The transport side of a browser-like peer on loopback: ICE controlling from a socket of its
 * own (the server is ICE lite). As an offerer (WHIP, WHEP) it is the DTLS client: its offer says
 * actpass and the server answers passive. As the answerer of a storage session's offer it takes
 * the DTLS role its answer says. Publishers and viewers in tests write their own media sections
 * around {@link #transportLines()}.
 */
public final class LoopbackOfferer implements AutoCloseable {

    private final IceSession ice;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private SecureTransport transport;

    /** An offerer: ICE controlling. */
    public LoopbackOfferer() {
        this(true);
    }

    /** @param controlling the ICE role: an answerer to a full agent's offer is controlled */
    public LoopbackOfferer(boolean controlling) {
        ice = IceSession.withHarvester(new LoopbackPeerHarvester(), controlling);
    }

    /** The a= lines of the offer's bundled transport: ICE credentials, fingerprint, setup, rtcp-mux. */
    public List<String> transportLines() {
        return transportLines("actpass");
    }

    /** The a= lines of a bundled transport with {@code a=setup:<setup>}. */
    public List<String> transportLines(String setup) {
        IceCredentials local = ice.localCredentials();
        return List.of("a=ice-ufrag:" + local.ufrag(), "a=ice-pwd:" + local.password(),
            "a=fingerprint:" + certificate.fingerprint().toSdp(), "a=setup:" + setup, "a=rtcp-mux");
    }

    /** Connects to the server the answer names and waits for the DTLS handshake, as DTLS client. */
    public SecureTransport connect(String answerSdp, SecureTransport.Receiver receiver, String name)
            throws Exception {
        return connect(answerSdp, DtlsRole.CLIENT, receiver, name);
    }

    /** Connects to the server {@code serverSdp} (its answer or offer) names, as {@code role}, and waits for DTLS. */
    public SecureTransport connect(String serverSdp, DtlsRole role, SecureTransport.Receiver receiver, String name)
            throws Exception {
        SessionDescription answer = SessionDescription.parse(serverSdp);
        MediaDescription first = answer.media().get(0);
        TransportAttributes remote = answer.transport(first);
        Candidate server = first.candidates().get(0);
        ice.start(new IceCredentials(remote.iceUfrag(), remote.icePwd()), List.of(new IceCandidate(
            server.foundation(), server.priority(), new InetSocketAddress(InetAddress.getByName(server.address()),
            server.port()), "host")));
        ice.connected().get(10, TimeUnit.SECONDS);
        Fingerprint serverFingerprint = Fingerprint.parse(remote.fingerprint().orElseThrow().algorithm() + " "
            + remote.fingerprint().orElseThrow().hex());
        transport = SecureTransport.start(ice, DtlsParameters.of(role, certificate, serverFingerprint),
            receiver, name);
        transport.ready().get(10, TimeUnit.SECONDS);
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        ice.close();
    }
}
