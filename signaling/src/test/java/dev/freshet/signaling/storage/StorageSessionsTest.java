package dev.freshet.signaling.storage;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.signaling.whep.WhepSessions;
import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.signaling.whip.LivePublishers;
import dev.freshet.signaling.whip.TestStream;
import dev.freshet.signaling.whip.WhipException;
import dev.freshet.signaling.whip.WhipLimits;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.dtls.DtlsRole;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.receive.X264Clip;
import dev.freshet.webrtc.sdp.NegotiationFailure;
import dev.freshet.webrtc.sdp.SdpMalformed;
import dev.freshet.webrtc.sdp.SessionDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A Java master answers a storage session's offer and sends a real x264 clip and Opus over ICE,
 * DTLS (in either role) and SRTP on loopback; the stream's fragments hold the clip's access units.
 * Bad answers, answers that never come and repeated joins free or keep the session as KVS does.
 */
class StorageSessionsTest {

    private static final String CHANNEL = "arn:aws:kinesisvideo:us-west-2:111122223333:channel/cam/1";
    private static final String CAM = TestStream.NAME;

    @TempDir
    Path dir;
    private TestStream stream;
    private IcePort port;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final Candidates candidates = new Candidates(List.of());
    private WhipSessions media;
    private WhepSessions viewing;
    private final List<String> offers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        stream = new TestStream(dir);
        port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // one slot: a session that is not given back blocks the next join
        LivePublishers publishers = new LivePublishers();
        media = new WhipSessions(port, certificate, candidates, stream.targets(),
            new WhipLimits(1, Duration.ofSeconds(30)), InstantSource.system(), publishers);
        // one slot for viewers too
        viewing = new WhepSessions(port, certificate, candidates, publishers, new WhipLimits(1, Duration.ofSeconds(30)),
            InstantSource.system());
    }

    @AfterEach
    void close() {
        viewing.close();
        media.close();
        port.close();
        stream.close();
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void aMastersClipAndAudioBecomeFragments(DtlsRole masterRole) throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        try (StorageSessions storage = storage(Duration.ofSeconds(20), InstantSource.system());
             JavaMaster master = new JavaMaster(masterRole)) {
            StorageSession session = storage.join(CHANNEL, CAM, offers::add);
            assertThat(offers).singleElement().asString().contains("a=setup:actpass", "a=recvonly")
                .doesNotContain("a=ice-lite");
            session.answer(master.answer());
            assertThat(session.candidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0")).isTrue();
            assertThat(session.candidate("candidate:bogus", "0")).isFalse();
            master.connect(offers.get(0));
            assertThat(storage.join(CHANNEL, CAM, offers::add)).as("a receiving session is kept").isSameAs(session);
            assertThat(offers).hasSize(1);

            long sent = master.publish(units);
            await().atMost(10, TimeUnit.SECONDS).until(() -> media.totals().rtpPackets() == sent);
            assertThat(session.state()).isEqualTo(StorageSession.State.RECEIVING);
            session.close();
            assertThat(session.state()).isEqualTo(StorageSession.State.ENDED);
            assertThat(storage.session(CHANNEL)).isEmpty();
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> stream.log().after(-1, 10).size() == 3);
        List<Frame> frames = stream.log().after(-1, 10).stream().map(FragmentInfo::sequence)
            .flatMap(sequence -> stream.log().read(sequence).orElseThrow().frames().stream()).toList();
        assertThat(frames.stream().filter(f -> f.track() == 1).map(Frame::data).toList())
            .as("the clip's access units, in order").containsExactlyElementsOf(units);
        assertThat(frames).filteredOn(f -> f.track() == 2).as("Opus frames").hasSizeGreaterThan(30);
        assertThat(media.totals().active()).isZero();
        assertThat(stream.releases()).as("the stream is free again").isEqualTo(1);
    }

    @Test
    void aBadAnswerSaysWhyAndFreesTheSession() {
        try (StorageSessions storage = storage(Duration.ofSeconds(20), InstantSource.system());
             JavaMaster master = new JavaMaster(DtlsRole.CLIENT)) {
            String noFingerprint = master.answer().replaceAll("a=fingerprint:[^\r]*\r\n", "");
            assertBadAnswer(storage, noFingerprint, NegotiationFailure.MISSING_FINGERPRINT.id());
            String noUsableCodec = master.answer().replace("H264/90000", "VP8/90000")
                .replace("opus/48000/2", "PCMU/8000");
            assertBadAnswer(storage, noUsableCodec, NegotiationFailure.NO_USABLE_MEDIA.id());
            String notOffered = master.answer().replace("SAVPF 96", "SAVPF 45")
                .replace("rtpmap:96", "rtpmap:45").replace("fmtp:96", "fmtp:45");
            assertBadAnswer(storage, notOffered, NegotiationFailure.ANSWER_MISMATCH.id());
            assertBadAnswer(storage, "not sdp", SdpMalformed.BAD_LINE.id());
            assertThat(stream.releases()).as("every refused session gave the stream back").isEqualTo(stream.claims());
        }
    }

    @Test
    void anAnswerThatNeverComesFreesTheSlotAndTheStream() {
        try (StorageSessions storage = storage(Duration.ofMillis(300), InstantSource.system())) {
            StorageSession session = storage.join(CHANNEL, CAM, offers::add);
            await().atMost(5, TimeUnit.SECONDS).until(() -> session.state() == StorageSession.State.ENDED);
            assertThat(stream.releases()).isEqualTo(1);
            assertThat(storage.active()).isZero();
            assertThatThrownBy(() -> session.answer("v=0")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_AWAITING_ANSWER));
            assertThat(storage.join(CHANNEL, CAM, offers::add)).as("the one slot is free").isNotSameAs(session);
        }
    }

    @Test
    void aRepeatedJoinKeepsAFreshOfferAndReplacesAnOverdueOne() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        try (StorageSessions storage = storage(Duration.ofSeconds(10), clock)) {
            StorageSession first = storage.join(CHANNEL, CAM, offers::add);
            now.addAndGet(6_000);
            assertThat(storage.join(CHANNEL, CAM, offers::add)).isSameAs(first);
            assertThat(offers).hasSize(1);

            now.addAndGet(6_000);
            StorageSession second = storage.join(CHANNEL, CAM, offers::add);
            assertThat(second).isNotSameAs(first);
            assertThat(first.state()).isEqualTo(StorageSession.State.ENDED);
            assertThat(offers).hasSize(2).doesNotHaveDuplicates();
            assertThat(storage.session(CHANNEL)).contains(second);
        }
    }

    @Test
    void aJoinToAnUnknownStreamIsRefusedAndHoldsNothing() {
        try (StorageSessions storage = storage(Duration.ofSeconds(20), InstantSource.system())) {
            assertThatThrownBy(() -> storage.join(CHANNEL, "nope", offers::add)).isInstanceOfSatisfying(
                WhipException.class, e -> assertThat(e.reason()).isEqualTo(WhipException.Reason.STREAM_NOT_FOUND));
            assertThat(offers).isEmpty();
            assertThat(storage.join(CHANNEL, CAM, offers::add).state())
                .isEqualTo(StorageSession.State.AWAITING_ANSWER);
        }
    }

    @Test
    void aViewerThatJoinsTheStorageSessionReceivesTheMastersMediaWithItsPayloadTypes() throws Exception {
        List<byte[]> units = X264Clip.accessUnits(dir, 30);
        List<String> viewerOffers = new CopyOnWriteArrayList<>();
        try (StorageSessions storage = storage(Duration.ofSeconds(20), InstantSource.system());
             JavaMaster master = new JavaMaster(DtlsRole.SERVER);
             JavaStorageViewer viewer = new JavaStorageViewer()) {
            StorageSession session = storage.join(CHANNEL, CAM, offers::add);
            session.answer(master.answer());
            master.connect(offers.get(0));

            StorageViewer joined = storage.joinAsViewer(CHANNEL, "v1", viewerOffers::add);
            String offer = viewerOffers.get(0);
            assertThat(offer).contains("a=sendonly", "a=setup:actpass", "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n", "packetization-mode=1").doesNotContain("a=ice-lite", "rtx");
            joined.answer(viewer.answer(offer));
            assertThat(joined.candidate("candidate:1 1 udp 2122260223 127.0.0.1 50001 typ host", "0")).isTrue();
            assertThat(storage.viewer(CHANNEL, "v1")).contains(joined);
            viewer.connect(offer);

            master.publish(units);
            SessionDescription sent = SessionDescription.parse(offer);
            long videoSsrc = sent.media().get(0).sources().primarySsrc().orElseThrow();
            long audioSsrc = sent.media().get(1).sources().primarySsrc().orElseThrow();
            long videoPackets = JavaCamera.packets(units).stream().mapToLong(List::size).sum();
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
                assertThat(viewer.received(JavaCamera.PAYLOAD_TYPE, videoSsrc)).isEqualTo(videoPackets);
                assertThat(viewer.received(JavaMaster.OPUS_PAYLOAD_TYPE, audioSsrc)).isGreaterThan(30);
            });
            assertThat(viewing.streamStats().get(CAM).viewers()).as("counted as a WHEP viewer").isEqualTo(1);

            session.close();
            await().atMost(5, TimeUnit.SECONDS).until(() -> viewing.active() == 0);
            assertThat(joined.open()).as("the viewer ends with the master's media").isFalse();
        }
    }

    @Test
    void aViewerNeedsAReceivingSessionAndANewJoinOfTheSameClientReplacesTheOld() {
        try (StorageSessions storage = storage(Duration.ofSeconds(20), InstantSource.system());
             JavaMaster master = new JavaMaster(DtlsRole.SERVER)) {
            assertThatThrownBy(() -> storage.joinAsViewer(CHANNEL, "v1", offers::add)).isInstanceOfSatisfying(
                StorageException.class, e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_RECEIVING));
            StorageSession session = storage.join(CHANNEL, CAM, offers::add);
            assertThatThrownBy(() -> storage.joinAsViewer(CHANNEL, "v1", offers::add))
                .as("an offer the master has not answered yet").isInstanceOf(StorageException.class);
            session.answer(master.answer());

            StorageViewer first = storage.joinAsViewer(CHANNEL, "v1", offers::add);
            StorageViewer second = storage.joinAsViewer(CHANNEL, "v1", offers::add);
            assertThat(first.open()).as("replaced, and its one slot given to the new one").isFalse();
            assertThat(storage.viewer(CHANNEL, "v1")).contains(second);
            assertThatThrownBy(() -> second.answer("not sdp")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.BAD_ANSWER));
            assertThat(storage.viewer(CHANNEL, "v1")).isEmpty();

            StorageViewer third = storage.joinAsViewer(CHANNEL, "v2", offers::add);
            storage.closeViewer(CHANNEL, "v2");
            assertThat(third.open()).isFalse();
            assertThatThrownBy(() -> storage.joinAsViewer(CHANNEL, "v3", sdp -> {
                throw new IllegalStateException("the viewer left");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(storage.joinAsViewer(CHANNEL, "v4", offers::add).open()).as("every slot was given back").isTrue();
        }
    }

    @Test
    void aViewerWhoseAnswerNeverComesIsEnded() {
        try (StorageSessions storage = storage(Duration.ofMillis(300), InstantSource.system());
             JavaMaster master = new JavaMaster(DtlsRole.SERVER)) {
            storage.join(CHANNEL, CAM, offers::add).answer(master.answer());
            StorageViewer viewer = storage.joinAsViewer(CHANNEL, "v1", offers::add);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !viewer.open());
            assertThat(storage.activeViewers()).isZero();
        }
    }

    private void assertBadAnswer(StorageSessions storage, String answer, String detailId) {
        StorageSession session = storage.join(CHANNEL, CAM, offers::add);
        assertThatThrownBy(() -> session.answer(answer)).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.reason()).isEqualTo(StorageException.Reason.BAD_ANSWER);
            assertThat(e.detailId()).isEqualTo(detailId);
        });
        assertThat(session.state()).isEqualTo(StorageSession.State.ENDED);
        assertThat(storage.session(CHANNEL)).isEmpty();
    }

    private StorageSessions storage(Duration answerTimeout, InstantSource clock) {
        return new StorageSessions(media, viewing, port, certificate, candidates, stream.targets(), answerTimeout, clock);
    }
}
