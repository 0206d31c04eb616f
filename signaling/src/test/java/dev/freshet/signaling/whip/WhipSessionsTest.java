package dev.freshet.signaling.whip;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A Java camera publishes a real x264 clip over WHIP's offer/answer, ICE, DTLS and SRTP on
 * loopback, and the stream's fragment log holds it afterwards, cut at the camera's keyframes.
 */
class WhipSessionsTest {

    private static final long CREATED_MILLIS = 1_700_000_000_000L;

    @TempDir
    Path dir;
    private FileLogEngine engine;
    private FragmentLog log;
    private final LiveEdge edge = new LiveEdge(new PartPlan(334_000));
    private IcePort port;
    private WhipSessions sessions;
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("whip-cam", CREATED_MILLIS, Duration.ofHours(24));
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sessions = new WhipSessions(port, DtlsCertificate.generate(), new Candidates(List.of()), stream -> {
            if (!stream.equals("cam")) {
                throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "no stream " + stream);
            }
            if (claims.get() > releases.get()) {
                throw new WhipException(WhipException.Reason.STREAM_BUSY, "busy");
            }
            claims.incrementAndGet();
            return new PublishTarget(stream, log, edge, CREATED_MILLIS, releases::incrementAndGet);
        }, new WhipLimits(2, Duration.ofSeconds(30)), InstantSource.system());
    }

    @AfterEach
    void close() {
        sessions.close();
        port.close();
        engine.close();
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

        await().atMost(10, TimeUnit.SECONDS).until(() -> log.after(-1, 10).size() == 3);
        List<FragmentInfo> stored = log.after(-1, 10);
        assertThat(stored).extracting(FragmentInfo::durationMillis).allSatisfy(d -> assertThat(d).isBetween(250L, 400L));
        assertThat(sessions.totals().framesStored()).isEqualTo(units.size());
        assertThat(sessions.totals().active()).isZero();
        assertThat(releases.get()).as("the stream is free again").isEqualTo(1);
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
            assertThat(releases.get()).as("a refused offer gives the stream back").isEqualTo(claims.get());
            assertThat(sessions.end("cam", "0123")).isFalse();
        }
    }

    @Test
    void sessionsBeyondTheLimitAreRefused() {
        PublishTargets anyStream = stream -> new PublishTarget(stream, log, edge, CREATED_MILLIS, () -> { });
        try (WhipSessions one = new WhipSessions(port, DtlsCertificate.generate(), new Candidates(List.of()),
                anyStream, new WhipLimits(1, Duration.ofSeconds(30)), InstantSource.system());
             JavaCamera first = new JavaCamera(); JavaCamera second = new JavaCamera()) {
            one.publish("a", first.offer());
            assertThatThrownBy(() -> one.publish("b", second.offer())).isInstanceOfSatisfying(WhipException.class,
                e -> assertThat(e.reason()).isEqualTo(WhipException.Reason.TOO_MANY_SESSIONS));
            assertThat(one.totals().active()).isEqualTo(1);
        }
    }
}
