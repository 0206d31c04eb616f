package dev.freshet.signaling.whip;

import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IcePort;
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

            assertThat(sessions.end("cam", answer.sessionId())).isTrue();
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> stream.log().after(-1, 10).size() == 3);
        List<FragmentInfo> stored = stream.log().after(-1, 10);
        assertThat(stored).extracting(FragmentInfo::durationMillis).allSatisfy(d -> assertThat(d).isBetween(250L, 400L));
        assertThat(sessions.totals().framesStored()).isEqualTo(units.size());
        assertThat(sessions.totals().active()).isZero();
        assertThat(stream.releases()).as("the stream is free again").isEqualTo(1);
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
