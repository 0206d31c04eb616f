package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import dev.freshet.signaling.storage.StorageSession;
import dev.freshet.signaling.storage.StorageSessions;
import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.PublishTargets;
import dev.freshet.signaling.whip.WhipLimits;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.tests.video.support.Browser;
import dev.freshet.tests.video.support.StaticSite;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IcePort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Chromium plays a KVS signaling channel's master toward a storage session, in process
 * (loopback only): Freshet offers (controlling full ICE, setup:actpass, recvonly H.264 and Opus),
 * Chromium answers with its fake camera and microphone and trickles its candidates, its checks
 * find Freshet's port, Freshet nominates, it connects, and its H.264 and Opus become fragments of
 * the stream.
 */
class StorageSessionBrowserTest {
    private static final long CREATED_MILLIS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void chromiumAnswersAStorageSessionsOfferAndItsMediaIsStored() {
        try (FileLogEngine engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
             IcePort port = IcePort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            FragmentLog log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
                    .open("storage-cam", CREATED_MILLIS, Duration.ofHours(24));
            LiveEdge edge = new LiveEdge(new PartPlan(334_000));
            DtlsCertificate certificate = DtlsCertificate.generate();
            Candidates candidates = new Candidates(List.of());
            PublishTargets targets = name -> new PublishTarget(name, log, edge, CREATED_MILLIS, () -> { });
            try (WhipSessions media = new WhipSessions(port, certificate, candidates, targets, WhipLimits.DEFAULTS,
                    InstantSource.system());
                 StorageSessions storage = new StorageSessions(media, port, certificate, candidates, targets,
                    Duration.ofSeconds(20), InstantSource.system());
                 StaticSite site = StaticSite.testPages();
                 Browser browser = Browser.headlessChromium(Browser.WEBRTC_FLAGS)) {
                browser.open(site.uri("/kvs-master.html"));
                AtomicReference<String> offer = new AtomicReference<>();
                StorageSession session = storage.join("arn:aws:kinesisvideo:us-west-2:111122223333:channel/cam/1",
                        "storage-cam", offer::set);
                assertThat(offer.get()).contains("a=setup:actpass", "a=recvonly", "H264/90000",
                        "opus/48000/2").doesNotContain("a=ice-lite");

                Object answer = browser.eval("return window.kvsMaster.answer(" + jsString(offer.get()) + ");");
                assertThat(answer).as("Chromium's answer (%s)", state(browser).get("error")).isInstanceOf(String.class);
                session.answer((String) answer);
                await("the peer connection connects").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> "connected".equals(state(browser).get("connection")));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> trickled = (List<Map<String, Object>>) state(browser).get("candidates");
                trickled.forEach(c -> session.candidate((String) c.get("candidate"), (String) c.get("sdpMid")));
                assertThat(session.candidatesReceived()).isEqualTo(trickled.size());

                await("fragments are stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> log.after(-1, 10).size() >= 2);
                Map<String, Object> sending = state(browser);
                assertThat(sending.get("codec")).as("Chromium sends H.264").isEqualTo("video/H264");
                assertThat(((Number) sending.get("audioPacketsSent")).longValue()).as("and Opus").isPositive();
                assertThat(session.state()).isEqualTo(StorageSession.State.RECEIVING);
                assertThat(media.totals().framesStored()).isPositive();

                session.close();
                assertThat(session.state()).isEqualTo(StorageSession.State.ENDED);
                await().atMost(Duration.ofSeconds(10)).until(() -> media.totals().active() == 0);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        return (Map<String, Object>) browser.eval("return window.masterState;");
    }

    /** A JavaScript string literal of {@code text}. */
    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
