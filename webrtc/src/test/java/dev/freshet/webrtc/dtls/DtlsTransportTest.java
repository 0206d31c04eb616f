package dev.freshet.webrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.webrtc.dtls.DtlsHandshakeException.Failure;
import dev.freshet.webrtc.srtp.SrtpContext;
import dev.freshet.webrtc.srtp.SrtpProfile;
import dev.freshet.webrtc.srtp.UnprotectResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Full DTLS-SRTP handshakes between our server and client over an in-memory datagram pipe. */
@Timeout(30)
class DtlsTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static DtlsCertificate serverCert;
    private static DtlsCertificate clientCert;

    @BeforeAll
    static void certificates() {
        serverCert = DtlsCertificate.generate();
        clientCert = DtlsCertificate.generate();
    }

    @Test
    void bothEndsExportTheSameKeysForTheServersPreferredProfile() throws Exception {
        try (DatagramPipe pipe = new DatagramPipe()) {
            Future<DtlsTransport> server = pipe.handshake(server(clientCert.fingerprint(),
                    List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80)), pipe.left);
            Future<DtlsTransport> client = pipe.handshake(client(serverCert.fingerprint(),
                    List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM)), pipe.right);

            DtlsTransport s = server.get(20, TimeUnit.SECONDS);
            DtlsTransport c = client.get(20, TimeUnit.SECONDS);

            assertThat(s.srtpKeyingMaterial()).isEqualTo(c.srtpKeyingMaterial());
            assertThat(s.srtpKeyingMaterial().profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(s.sendingKey()).isEqualTo(c.receivingKey()).isNotEqualTo(s.receivingKey());
            assertThat(c.sendingKey()).isEqualTo(s.receivingKey());
            assertSrtpFlows(s, c);
            s.close();
            c.close();
        }
    }

    @Test
    void clientCanNarrowTheChoiceToCmHmac() throws Exception {
        try (DatagramPipe pipe = new DatagramPipe()) {
            Future<DtlsTransport> server = pipe.handshake(server(clientCert.fingerprint(),
                    DtlsParameters.DEFAULT_PROFILES), pipe.left);
            Future<DtlsTransport> client = pipe.handshake(client(serverCert.fingerprint(),
                    List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80)), pipe.right);

            DtlsTransport c = client.get(20, TimeUnit.SECONDS);
            DtlsTransport s = server.get(20, TimeUnit.SECONDS);

            assertThat(c.srtpKeyingMaterial().profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
            assertSrtpFlows(c, s);
        }
    }

    @Test
    void serverRejectsAClientCertificateThatIsNotTheSdpFingerprint() {
        assertHandshakeFails(server(serverCert.fingerprint(), DtlsParameters.DEFAULT_PROFILES),
                client(serverCert.fingerprint(), DtlsParameters.DEFAULT_PROFILES),
                Failure.FINGERPRINT_MISMATCH, Failure.PEER_ALERT);
    }

    @Test
    void clientRejectsAServerCertificateThatIsNotTheSdpFingerprint() {
        assertHandshakeFails(server(clientCert.fingerprint(), DtlsParameters.DEFAULT_PROFILES),
                client(clientCert.fingerprint(), DtlsParameters.DEFAULT_PROFILES),
                Failure.PEER_ALERT, Failure.FINGERPRINT_MISMATCH);
    }

    @Test
    void noCommonSrtpProfileFailsOnTheServerWithThatReason() {
        assertHandshakeFails(server(clientCert.fingerprint(), List.of(SrtpProfile.AEAD_AES_128_GCM)),
                client(serverCert.fingerprint(), List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80)),
                Failure.NO_COMMON_SRTP_PROFILE, Failure.PEER_ALERT);
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        try (DatagramPipe pipe = new DatagramPipe()) {
            DtlsParameters quick = new DtlsParameters(DtlsRole.CLIENT, clientCert, serverCert.fingerprint(),
                    DtlsParameters.DEFAULT_PROFILES, Duration.ofMillis(300));

            assertFailure(pipe.handshake(quick, pipe.right), Failure.TIMEOUT);
        }
    }

    /** What one side protects with its sending key, the other unprotects with its receiving key. */
    private static void assertSrtpFlows(DtlsTransport from, DtlsTransport to) {
        SrtpProfile profile = from.srtpKeyingMaterial().profile();
        byte[] rtp = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 1, 2, 3, 4};
        byte[] srtp = SrtpContext.create(profile, from.sendingKey()).protect(rtp, 0, rtp.length);

        UnprotectResult result = SrtpContext.create(profile, to.receivingKey()).unprotect(srtp, 0, srtp.length);

        assertThat(result.ok()).isTrue();
    }

    private static void assertHandshakeFails(DtlsParameters server, DtlsParameters client,
                                             Failure serverFailure, Failure clientFailure) {
        try (DatagramPipe pipe = new DatagramPipe()) {
            Future<DtlsTransport> s = pipe.handshake(server, pipe.left);
            Future<DtlsTransport> c = pipe.handshake(client, pipe.right);

            assertFailure(s, serverFailure);
            assertFailure(c, clientFailure);
        }
    }

    private static void assertFailure(Future<DtlsTransport> handshake, Failure failure) {
        assertThatThrownBy(() -> handshake.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(DtlsHandshakeException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    private static DtlsParameters server(Fingerprint expectedClient, List<SrtpProfile> profiles) {
        return new DtlsParameters(DtlsRole.SERVER, serverCert, expectedClient, profiles, TIMEOUT);
    }

    private static DtlsParameters client(Fingerprint expectedServer, List<SrtpProfile> profiles) {
        return new DtlsParameters(DtlsRole.CLIENT, clientCert, expectedServer, profiles, TIMEOUT);
    }
}
