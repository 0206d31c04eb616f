package dev.freshet.signaling.whep;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.signaling.whip.LivePublishers;
import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.WhipAnswer;
import dev.freshet.signaling.whip.WhipException;
import dev.freshet.signaling.whip.WhipLimits;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.receive.X264Clip;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.sdp.SessionDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A Java camera publishes a real x264 clip over WHIP and a Java viewer plays the stream over WHEP,
 * both on one loopback port: the viewer decrypts the publisher's packets with its own keys, on its
 * own SSRC and payload type, with the payloads unchanged; the publisher is asked for a keyframe
 * when the viewer joins; NACKed packets are sent again; the viewer ends with the publisher.
 */
class WhepSessionsTest {

    private static final long CREATED_MILLIS = 1_700_000_000_000L;

    @TempDir
    Path dir;
    private FileLogEngine engine;
    private IcePort port;
    private WhipSessions whip;
    private WhepSessions whep;
    private LivePublishers publishers;

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        FragmentLog log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("whep-cam", CREATED_MILLIS, Duration.ofHours(24));
        LiveEdge edge = new LiveEdge(new PartPlan(334_000));
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DtlsCertificate certificate = DtlsCertificate.generate();
        publishers = new LivePublishers();
        WhipLimits limits = new WhipLimits(4, Duration.ofSeconds(30));
        whip = new WhipSessions(port, certificate, new Candidates(List.of()),
            stream -> new PublishTarget(stream, log, edge, CREATED_MILLIS, () -> { }), limits, InstantSource.system(),
            publishers);
        whep = new WhepSessions(port, certificate, new Candidates(List.of()), publishers, limits,
            InstantSource.system());
    }

    @AfterEach
    void close() {
        whep.close();
        whip.close();
        port.close();
        engine.close();
    }

    @Test
    void aViewerReceivesThePublishersPacketsOnItsOwnSsrcAndPayloadType() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        try (JavaCamera camera = new JavaCamera(); JavaViewer viewer = new JavaViewer()) {
            WhipAnswer published = whip.publish("cam", camera.offer());
            camera.connect(published.sdp());
            WhipAnswer played = whep.play("cam", viewer.offer());
            assertThat(played.sdp()).contains("a=sendonly", "a=ssrc:");
            long viewerSsrc = SessionDescription.parse(played.sdp()).media().get(0).sources().primarySsrc()
                .orElseThrow();
            viewer.connect(played.sdp());
            await().atMost(5, TimeUnit.SECONDS).alias("the viewer joined and asked for a keyframe")
                .until(() -> camera.keyframeRequests() > 0);

            camera.publish(units);

            List<RtpPacket> sent = JavaCamera.packets(units).stream().flatMap(List::stream)
                .map(b -> RtpPacket.decode(b, 0, b.length)).toList();
            await().atMost(5, TimeUnit.SECONDS).until(() -> viewer.received().size() == sent.size());
            Map<Integer, RtpPacket> received = viewer.received();
            for (RtpPacket original : sent) {
                RtpPacket forwarded = received.get(original.sequenceNumber());
                assertThat(forwarded.ssrc()).isEqualTo(viewerSsrc);
                assertThat(forwarded.payloadType()).isEqualTo(JavaViewer.PAYLOAD_TYPE);
                assertThat(forwarded.timestamp()).isEqualTo(original.timestamp());
                assertThat(forwarded.marker()).isEqualTo(original.marker());
                assertThat(payload(forwarded)).isEqualTo(payload(original));
            }

            List<Integer> lost = List.of(sent.get(sent.size() - 2).sequenceNumber(),
                sent.get(sent.size() - 1).sequenceNumber());
            viewer.nack(viewerSsrc, lost);
            await().atMost(5, TimeUnit.SECONDS).alias("NACKed packets come again from the history")
                .until(() -> viewer.replayed() == lost.size());

            whip.end("cam", published.sessionId());
            await().atMost(5, TimeUnit.SECONDS).until(() -> whep.active() == 0);
        }
    }

    @Test
    void aStreamWithoutPublisherIsNotFound() {
        try (JavaViewer viewer = new JavaViewer()) {
            assertThatThrownBy(() -> whep.play("cam", viewer.offer())).isInstanceOfSatisfying(WhipException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(WhipException.Reason.STREAM_NOT_FOUND);
                    assertThat(e.getMessage()).contains("no live WebRTC publisher");
                });
            assertThat(whep.end("cam", "0123")).isFalse();
        }
    }

    @Test
    void deleteEndsAViewer() {
        try (JavaCamera camera = new JavaCamera(); JavaViewer viewer = new JavaViewer()) {
            whip.publish("cam", camera.offer());
            WhipAnswer played = whep.play("cam", viewer.offer());
            assertThat(whep.active()).isEqualTo(1);
            assertThat(whep.end("other", played.sessionId())).isFalse();
            assertThat(whep.end("cam", played.sessionId())).isTrue();
            assertThat(whep.active()).isZero();
        }
    }

    @Test
    void aViewerThatNeverDrainsDropsWhileIngestAndAnotherViewerKeepGoing() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        CountDownLatch never = new CountDownLatch(1);
        ViewerQueue stalled = new ViewerQueue(Map.of(MediaKind.VIDEO, new OutgoingTrack(96, 1234, -1, new byte[0])),
            (packet, offset, length) -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }, 8, () -> { }, "stalled");
        try (JavaCamera camera = new JavaCamera(); JavaViewer viewer = new JavaViewer()) {
            camera.connect(whip.publish("cam", camera.offer()).sdp());
            viewer.connect(whep.play("cam", viewer.offer()).sdp());
            await().atMost(5, TimeUnit.SECONDS).alias("the viewer joined").until(() -> camera.keyframeRequests() > 0);
            assertThat(publishers.of("cam").orElseThrow().add(stalled)).isTrue();

            long packets = camera.publish(units);

            await().atMost(5, TimeUnit.SECONDS).alias("the other viewer got everything")
                .until(() -> viewer.received().size() == packets);
            await().atMost(5, TimeUnit.SECONDS).alias("ingest took every packet")
                .until(() -> whip.totals().rtpPackets() >= packets);
            // one packet is stuck in the stalled send (unless it never took one), eight wait in its queue,
            // the rest were dropped
            assertThat(stalled.dropped()).isIn(packets - 1 - 8, packets - 8);
            ViewerStats stats = whep.streamStats().get("cam");
            assertThat(stats.viewers()).isEqualTo(1);
            assertThat(stats.bytesSent()).isPositive();
            assertThat(stats.dropped()).as("the healthy viewer drops nothing").isZero();
            assertThat(whip.streamStats().get("cam").bytesReceived()).isPositive();
        } finally {
            stalled.close();
            never.countDown();
        }
    }

    private static byte[] payload(RtpPacket packet) {
        return Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(),
            packet.payloadOffset() + packet.payloadLength());
    }
}
