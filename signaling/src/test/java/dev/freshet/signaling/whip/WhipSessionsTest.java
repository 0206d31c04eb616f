package dev.freshet.signaling.whip;

import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.sdp.Candidate;
import dev.freshet.webrtc.sdp.IceFragment;
import dev.freshet.webrtc.receive.X264Clip;
import dev.freshet.webrtc.sdp.NegotiationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A Java camera publishes a real x264 clip over WHIP's offer/answer, ICE, DTLS and SRTP on
 * loopback, and the stream's fragment log holds it afterwards, cut at the camera's keyframes.
 */
class WhipSessionsTest {

    @TempDir
    Path dir;
    private TestStream stream;
    private IcePort port;
    private WhipSessions sessions;

    @BeforeEach
    void open() {
        stream = new TestStream(dir);
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sessions = new WhipSessions(port, DtlsCertificate.generate(), new Candidates(List.of()), stream.targets(),
            new WhipLimits(2, Duration.ofSeconds(30)), InstantSource.system());
    }

    @AfterEach
    void close() {
        sessions.close();
        port.close();
        stream.close();
    }

    @Test
    void aCamerasClipBecomesFragmentsCutAtItsKeyframes() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        try (JavaCamera camera = new JavaCamera()) {
            WhipAnswer answer = sessions.publish("cam", camera.offer());
            assertThat(answer.sdp()).contains("a=setup:passive", "a=recvonly", "a=candidate:");
            camera.connect(answer.sdp());
            long sent = camera.publish(units);
            await().atMost(10, TimeUnit.SECONDS).until(() -> sessions.totals().rtpPackets() == sent);
            await().atMost(10, TimeUnit.SECONDS).alias("keyframes every 10 frames at 30 fps")
                .until(() -> sessions.streamStats().get("cam").keyframeIntervalSeconds(), i -> i > 0.3 && i < 0.4);
            PublisherStats live = sessions.streamStats().get("cam");
            assertThat(live.publishing()).isTrue();
            assertThat(live.bytesReceived()).isGreaterThan(sent * 12);
            assertThat(live.packetsLost()).isZero();

            assertThat(sessions.end("cam", answer.sessionId())).isTrue();
            PublisherStats ended = sessions.streamStats().get("cam");
            assertThat(ended.publishing()).isFalse();
            assertThat(ended.bytesReceived()).as("counts outlive the session").isGreaterThanOrEqualTo(live.bytesReceived());
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> stream.log().after(-1, 10).size() == 3);
        List<FragmentInfo> stored = stream.log().after(-1, 10);
        assertThat(stored).extracting(FragmentInfo::durationMillis).allSatisfy(d -> assertThat(d).isBetween(250L, 400L));
        assertThat(sessions.totals().framesStored()).isEqualTo(units.size());
        assertThat(sessions.totals().active()).isZero();
        assertThat(stream.releases()).as("the stream is free again").isEqualTo(1);
    }

    @Test
    void replayedPacketsAreDroppedAndCountedAndTheCountOutlivesTheSession() throws Exception {
        List<List<byte[]>> packets = JavaCamera.packets(X264Clip.accessUnits(dir, 10));
        try (JavaCamera camera = new JavaCamera()) {
            WhipAnswer answer = sessions.publish("cam", camera.offer());
            camera.connect(answer.sdp());
            byte[] first = packets.get(0).get(0);
            assertThat(camera.send(first)).isTrue();
            await().atMost(10, TimeUnit.SECONDS).until(() -> sessions.totals().rtpPackets() == 1);
            // the same index under the same keys protects to the same bytes: a replay on the wire
            camera.send(first);
            camera.send(first);
            await().atMost(10, TimeUnit.SECONDS).until(() -> sessions.totals().replayed() == 2);
            assertThat(sessions.totals().rtpPackets()).isEqualTo(1);
            assertThat(sessions.end("cam", answer.sessionId())).isTrue();
        }
        WhipTotals totals = sessions.totals();
        assertThat(totals.replayed()).as("counted after the session ended").isEqualTo(2);
        assertThat(totals.authFailures()).isZero();
        assertThat(totals.malformed()).isZero();
    }

    @Test
    void aSecondPublisherOfTheSameStreamIsRefusedUntilTheFirstLeaves() {
        try (JavaCamera first = new JavaCamera(); JavaCamera second = new JavaCamera()) {
            WhipAnswer answer = sessions.publish("cam", first.offer());
            assertThatThrownBy(() -> sessions.publish("cam", second.offer())).isInstanceOfSatisfying(
                WhipException.class, e -> assertThat(e.reason()).isEqualTo(WhipException.Reason.STREAM_BUSY));

            sessions.end("cam", answer.sessionId());
            assertThat(sessions.publish("cam", second.offer()).sessionId()).isNotEqualTo(answer.sessionId());
        }
    }

    @Test
    void patchesTrickleUnderTheEntityTagAndRestartIceWithNewCredentials() {
        try (JavaCamera camera = new JavaCamera()) {
            String offer = camera.offer();
            String ufrag = offer.replaceAll("(?s).*a=ice-ufrag:([^\r\n]+).*", "$1");
            WhipAnswer answer = sessions.publish("cam", offer);
            String candidate = "a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\r\n";
            String trickle = "a=ice-ufrag:" + ufrag + "\r\n" + candidate;

            IcePatches.Result trickled = sessions.patch("cam", answer.sessionId(), answer.etag(), trickle);
            assertThat(trickled.restarted()).isFalse();
            assertThat(trickled.etag()).isEqualTo(answer.etag());
            assertThat(sessions.patch("cam", answer.sessionId(), null, candidate).restarted()).as("no ufrag, no tag")
                .isFalse();
            assertThat(sessions.patches().trickledCandidates()).isEqualTo(2);
            assertThat(reason(() -> sessions.patch("cam", answer.sessionId(), "\"x\", \"y\"", trickle)))
                .isEqualTo(WhipException.Reason.PRECONDITION_FAILED);
            assertThat(reason(() -> sessions.patch("cam", answer.sessionId(), null, trickle.replace(ufrag, "Zz9Z"))))
                .isEqualTo(WhipException.Reason.ICE_MISMATCH);
            assertThat(reason(() -> sessions.patch("cam", answer.sessionId(), null, "a=candidate:x\r\n")))
                .isEqualTo(WhipException.Reason.BAD_OFFER);
            assertThat(reason(() -> sessions.patch("other", answer.sessionId(), null, trickle)))
                .isEqualTo(WhipException.Reason.SESSION_NOT_FOUND);
            assertThat(reason(() -> sessions.patch("cam", answer.sessionId(), "*", trickle)))
                .as("a restart needs new credentials").isEqualTo(WhipException.Reason.ICE_MISMATCH);

            IcePatches.Result restarted = sessions.patch("cam", answer.sessionId(), "*",
                "a=ice-ufrag:NewU\r\na=ice-pwd:newpasswordnewpassword1\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                    + "a=mid:0\r\n");
            assertThat(restarted.restarted()).isTrue();
            assertThat(restarted.etag()).isNotEqualTo(answer.etag());
            IceFragment fragment = IceFragment.parse(restarted.fragment());
            assertThat("\"" + fragment.ufrag() + "\"").isEqualTo(restarted.etag());
            assertThat(fragment.password()).hasSizeGreaterThanOrEqualTo(22);
            assertThat(fragment.mid()).isEqualTo("0");
            assertThat(fragment.candidates()).extracting(Candidate::port).containsExactly(port.address().getPort());
            assertThat(fragment.endOfCandidates()).isTrue();
            assertThat(reason(() -> sessions.patch("cam", answer.sessionId(), answer.etag(), candidate)))
                .as("the old tag").isEqualTo(WhipException.Reason.PRECONDITION_FAILED);
            assertThat(sessions.patch("cam", answer.sessionId(), restarted.etag(), "a=ice-ufrag:NewU\r\n" + candidate)
                .restarted()).isFalse();
            assertThat(sessions.patches().restarts()).isEqualTo(1);
        }
    }

    private static WhipException.Reason reason(Runnable call) {
        return catchThrowableOfType(call::run, WhipException.class).reason();
    }

    @Test
    void refusalsSayWhy() {
        try (JavaCamera camera = new JavaCamera()) {
            assertThatThrownBy(() -> sessions.publish("nope", camera.offer())).isInstanceOfSatisfying(
                WhipException.class, e -> assertThat(e.reason()).isEqualTo(WhipException.Reason.STREAM_NOT_FOUND));
            String audioOnlyPcmu = camera.offer().replace("H264/90000", "PCMU/8000");
            assertThatThrownBy(() -> sessions.publish("cam", audioOnlyPcmu)).isInstanceOfSatisfying(
                WhipException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WhipException.Reason.BAD_OFFER);
                    assertThat(e.detailId()).isEqualTo(NegotiationFailure.NO_USABLE_MEDIA.id());
                });
            assertThat(stream.releases()).as("a refused offer gives the stream back").isEqualTo(stream.claims());
            assertThat(sessions.end("cam", "0123")).isFalse();
        }
    }

    @Test
    void sessionsBeyondTheLimitAreRefused() {
        try (WhipSessions one = new WhipSessions(port, DtlsCertificate.generate(), new Candidates(List.of()),
                stream.anyStream(), new WhipLimits(1, Duration.ofSeconds(30)), InstantSource.system());
             JavaCamera first = new JavaCamera(); JavaCamera second = new JavaCamera()) {
            one.publish("a", first.offer());
            assertThatThrownBy(() -> one.publish("b", second.offer())).isInstanceOfSatisfying(WhipException.class,
                e -> assertThat(e.reason()).isEqualTo(WhipException.Reason.TOO_MANY_SESSIONS));
            assertThat(one.totals().active()).isEqualTo(1);
        }
    }
}
