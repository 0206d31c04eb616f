package dev.freshet.signaling.whip;

import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.dtls.Fingerprint;
import dev.freshet.webrtc.ice.IceCandidate;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.ice.LoopbackPeerHarvester;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
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
 * A WHIP publisher in Java, as a camera would be: H.264 only, sendonly, bundled, rtcp-mux, ICE
 * controlling from a loopback socket of its own, DTLS client (it offers actpass; the server answers
 * passive).
 */
final class JavaCamera implements AutoCloseable {

    static final long SSRC = 0xCAFE_F00DL;

    private final IceSession ice = IceSession.withHarvester(new LoopbackPeerHarvester(), true);
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private SecureTransport transport;

    /** The offer, written by hand like a browser's. */
    String offer() {
        IceCredentials local = ice.localCredentials();
        return String.join("\r\n",
            "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
            "a=msid-semantic: WMS *",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:" + local.ufrag(), "a=ice-pwd:" + local.password(),
            "a=fingerprint:" + certificate.fingerprint().toSdp(), "a=setup:actpass", "a=mid:0", "a=sendonly",
            "a=rtcp-mux", "a=rtpmap:96 H264/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli",
            "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=ssrc:" + SSRC + " cname:camera") + "\r\n";
    }

    /** Connects to the server the answer names, and waits for the DTLS handshake. */
    void connect(String answerSdp) throws Exception {
        SessionDescription answer = SessionDescription.parse(answerSdp);
        MediaDescription video = answer.media().get(0);
        TransportAttributes remote = answer.transport(video);
        Candidate server = video.candidates().get(0);
        ice.start(new IceCredentials(remote.iceUfrag(), remote.icePwd()), List.of(new IceCandidate(
            server.foundation(), server.priority(), new InetSocketAddress(InetAddress.getByName(server.address()),
            server.port()), "host")));
        ice.connected().get(10, TimeUnit.SECONDS);
        Fingerprint serverFingerprint = Fingerprint.parse(remote.fingerprint().orElseThrow().algorithm() + " "
            + remote.fingerprint().orElseThrow().hex());
        transport = SecureTransport.start(ice, DtlsParameters.of(DtlsRole.CLIENT, certificate, serverFingerprint),
            new SecureTransport.Receiver() {
                @Override
                public void rtp(byte[] packet, int offset, int length) {
                }

                @Override
                public void rtcp(byte[] packet, int offset, int length) {
                }
            }, "camera");
        transport.ready().get(10, TimeUnit.SECONDS);
    }

    /** Sends the access units as RTP at 30 fps on the RTP clock, in real time; returns the packet count. */
    long publish(List<byte[]> units) throws Exception {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 1000);
        long sent = 0;
        for (int i = 0; i < units.size(); i++) {
            for (RtpPayload payload : packetizer.packetize(units.get(i), 3000L * i)) {
                byte[] rtp = OutgoingRtpPacket.of(payload.marker(), 96, payload.sequenceNumber(), payload.timestamp(),
                    SSRC, payload.toByteArray()).encode();
                transport.sendRtp(rtp, 0, rtp.length);
                sent++;
            }
            Thread.sleep(33);
        }
        return sent;
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        ice.close();
    }
}
