package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.tests.video.support.Commands;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.Http;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import dev.freshet.tests.webrtc.support.LoopingCamera;
import dev.freshet.tests.webrtc.support.Loopback;
import dev.freshet.tests.webrtc.support.LossyUdpRelay;
import dev.freshet.tests.webrtc.support.UdpGarbage;
import dev.freshet.webrtc.receive.X264Clip;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input against a real server while a healthy camera publishes: a {@link LoopingCamera}
 * (ICE, DTLS, SRTP from Java, a real x264 clip in a loop, NACKs answered) publishes over WHIP
 * through a {@link LossyUdpRelay} that impairs nothing but can forge on the camera's selected pair.
 * Meanwhile the server gets thousands of hostile datagrams from unknown addresses ({@link UdpGarbage}),
 * SRTP with flipped tag bits and replays on the camera's own pair, WHIP offers that are not SDP,
 * lack a fingerprint or a usable codec, are too large, go to an unknown or busy stream or with the
 * wrong content type, and a flood of session creations beyond {@code webrtc-max-sessions}. Each is
 * refused with its documented status or dropped and counted on {@code /metrics}; the sessions that
 * never connect are reclaimed; and the camera's stream keeps growing and decodes cleanly.
 */
class WebRtcBadInputTest {
    private static final int PORT = Loopback.freeUdpPort();
    private static final int MAX_SESSIONS = 5;
    private static final int FLOOD_STREAMS = 8;
    private static final int FLOOD_POSTS = 30;
    private static final int GARBAGE_PER_KIND = 1000;
    private static final int FORGED = 40;
    private static final int FPS = 25;

    static final LossyUdpRelay relay = LossyUdpRelay.start(new InetSocketAddress(Loopback.address(2), PORT),
            new InetSocketAddress(Loopback.address(1), PORT), new LossyUdpRelay.Impairment(7, 0, 0, Set.of()));

    @RegisterExtension
    static final VideoServer server = new VideoServer("--webrtc-host", "127.0.0.1", "--webrtc-port",
            Integer.toString(PORT), "--webrtc-advertised-addresses", "127.0.0.2", "--webrtc-max-sessions",
            Integer.toString(MAX_SESSIONS));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Test
    void badInputIsRefusedOrDroppedAndCountedWhileAHealthyCameraPublishesOn() throws Exception {
        VideoStream healthy = server.createStream("healthy");
        List<String> idle = IntStream.range(0, FLOOD_STREAMS).mapToObj(i -> server.createStream("flood").name())
                .toList();
        List<byte[]> clip = X264Clip.accessUnits(dir, 100);
        int fragmentsBefore;
        try (LoopingCamera camera = LoopingCamera.publish(whip(healthy.name()), clip, FPS)) {
            fragmentsBefore = server.awaitAtLeast(healthy.name(), 3, Duration.ofSeconds(20)).size();

            badOffersAreRefused(camera.offer(), healthy.name(), idle.get(0));
            sessionFloodIsRefusedBeyondTheLimit(camera.offer(), idle);

            List<InetSocketAddress> sources = List.of(new InetSocketAddress(Loopback.address(1), 0),
                    new InetSocketAddress(Loopback.address(1), 0), new InetSocketAddress(Loopback.address(3), 0));
            try (UdpGarbage garbage = new UdpGarbage(42, new InetSocketAddress(Loopback.address(1), PORT), sources,
                    stunUsername(camera.answer(), camera.offer()), JavaCamera.SSRC)) {
                garbage.send(GARBAGE_PER_KIND, 8);
                assertThat(garbage.sent()).isEqualTo(GARBAGE_PER_KIND * UdpGarbage.Kind.values().length);
            }
            long rtpAfterGarbage = counter(metrics(), "freshet_webrtc_rtp_packets_total");
            await("media after the garbage").atMost(Duration.ofSeconds(10))
                    .until(() -> counter(metrics(), "freshet_webrtc_rtp_packets_total") > rtpAfterGarbage + 100);
            String afterGarbage = metrics();
            assertThat(counter(afterGarbage, "freshet_webrtc_auth_failures_total{kind=\"srtp\"}"))
                    .as("spoofed SRTP from unknown addresses never reaches a session").isZero();
            assertThat(counter(afterGarbage, "freshet_webrtc_dropped_packets_total{reason=\"unknown\"}")).isZero();
            assertThat(counter(afterGarbage, "freshet_webrtc_dropped_packets_total{reason=\"malformed\"}")).isZero();

            relay.forgeAround(FORGED);
            await("forged on the camera's pair").atMost(Duration.ofSeconds(10))
                    .until(() -> relay.forged() == FORGED && relay.replayed() == FORGED);
            await("bad tags and replays counted").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = metrics();
                assertThat(counter(metrics, "freshet_webrtc_auth_failures_total{kind=\"srtp\"}"))
                        .as("bad tags").isEqualTo(FORGED);
                assertThat(counter(metrics, "freshet_webrtc_dropped_packets_total{reason=\"replayed\"}"))
                        .as("replays").isEqualTo(FORGED);
            });

            neverConnectedSessionsAreReclaimed(camera.offer(), idle.get(0));

            server.awaitAtLeast(healthy.name(), fragmentsBefore + 10, Duration.ofSeconds(20));
            assertThat(Http.get(server.endpoint().resolve("/health")).status()).isEqualTo(200);
            assertThat(server.process().isAlive()).isTrue();
            String metrics = metrics();
            assertThat(counter(metrics, "freshet_webrtc_publishers")).as("the camera's session").isEqualTo(1);
            assertThat(counter(metrics, "freshet_webrtc_sessions_total"))
                    .as("sessions answered: the camera's, the flood's and the one after it").isEqualTo(MAX_SESSIONS + 1);
            assertThat(counter(metrics, "freshet_webrtc_dropped_packets_total{reason=\"unknown\"}")).isZero();
            assertThat(counter(metrics, "freshet_webrtc_dropped_packets_total{reason=\"malformed\"}")).isZero();
            assertThat(camera.sendErrors()).as("packets the camera could not send").isZero();
        }

        String hls = Playback.hlsOnDemandAround(server, healthy.name(), System.currentTimeMillis()).toString();
        Commands.Result decoded = Commands.run(Duration.ofSeconds(90), List.of("ffmpeg", "-hide_banner", "-nostdin",
                "-v", "error", "-i", hls, "-f", "null", "-")).check();
        assertThat(decoded.stderr()).as("ffmpeg's decode errors").isBlank();
        FfProbe.StreamInfo video = FfProbe.probe(hls).video();
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(320);
    }

    /** Each bad offer gets its documented status and reason; {@code idle} is an existing stream nobody publishes to. */
    private static void badOffersAreRefused(String goodOffer, String busy, String idle) {
        String noFingerprint = goodOffer.replaceAll("a=fingerprint:[^\r\n]*\r\n", "");
        String noUsableCodec = goodOffer.replace("H264/90000", "VP8/90000").replaceAll("a=fmtp:[^\r\n]*\r\n", "");
        String huge = goodOffer + "a=x-padding:" + "x".repeat(100_000) + "\r\n";

        assertRefused(post(idle, "application/sdp", noFingerprint), 400, "sdp.missing-fingerprint");
        assertRefused(post(idle, "application/sdp", noUsableCodec), 400, "sdp.no-usable-media");
        assertRefused(post(idle, "application/sdp", "GET / HTTP/1.1\r\nHost: freshet\r\n\r\n"), 400, "sdp.");
        assertRefused(post(idle, "application/sdp", "\u0000\u00ff garbage"), 400, "sdp.");
        assertRefused(post(idle, "application/sdp", huge), 400, "sdp.too-large");
        assertRefused(post("no-such-stream-" + PORT, "application/sdp", goodOffer), 404, "");
        assertRefused(post(idle, "text/plain", goodOffer), 415, "");
        assertRefused(post(busy, "application/sdp", goodOffer), 409, "");
    }

    /**
     * With the camera holding one of {@value #MAX_SESSIONS} slots, offers to {@value #FLOOD_STREAMS}
     * idle streams at once: four are answered (they will never connect), the others and a further
     * burst get 503.
     */
    private static void sessionFloodIsRefusedBeyondTheLimit(String offer, List<String> idle) {
        Map<Integer, Long> first = statuses(idle.stream().map(stream -> postAsync(stream, offer)).toList());
        assertThat(first).as("statuses of the first burst").isEqualTo(Map.of(201, (long) MAX_SESSIONS - 1,
                503, (long) FLOOD_STREAMS - MAX_SESSIONS + 1));
        Map<Integer, Long> second = statuses(IntStream.range(0, FLOOD_POSTS)
                .mapToObj(i -> postAsync(idle.get(i % idle.size()), offer)).toList());
        assertThat(second).as("statuses of the second burst").isEqualTo(Map.of(503, (long) FLOOD_POSTS));
        String metrics = metrics();
        assertThat(counter(metrics, "freshet_webrtc_publishers")).isEqualTo(MAX_SESSIONS);
        List<String> refusals = metrics.lines().filter(line -> line.startsWith("freshet_request_duration_seconds_count{")
                && line.contains("service=\"whip\"") && line.contains("status=\"503\"")).toList();
        assertThat(refusals).as("503s counted").singleElement().satisfies(line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(FLOOD_POSTS));
    }

    /** The answered flood sessions never connect: they end after the silence limit, and their slots are free again. */
    private static void neverConnectedSessionsAreReclaimed(String offer, String idle) throws Exception {
        await("sessions that never connected ended").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> counter(metrics(), "freshet_webrtc_publishers") == 1);
        HttpResponse<String> again = post(idle, "application/sdp", offer);
        assertThat(again.statusCode()).as("a slot is free again: %s", again.body()).isEqualTo(201);
        URI session = server.endpoint().resolve(again.headers().firstValue("Location").orElseThrow());
        assertThat(HTTP.send(HttpRequest.newBuilder(session).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reasonPrefix) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).startsWith(reasonPrefix);
    }

    private static Map<Integer, Long> statuses(List<CompletableFuture<HttpResponse<String>>> responses) {
        return responses.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private static HttpResponse<String> post(String stream, String contentType, String body) {
        return postAsync(stream, contentType, body).join();
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String stream, String offer) {
        return postAsync(stream, "application/sdp", offer);
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String stream, String contentType, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(whip(stream)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI whip(String stream) {
        return server.endpoint().resolve("/whip/" + stream);
    }

    /** The STUN username of the camera's checks: the server's ufrag, then the camera's. */
    private static String stunUsername(String answer, String offer) {
        Function<String, String> ufrag = sdp -> {
            Matcher matcher = Pattern.compile("a=ice-ufrag:(\\S+)").matcher(sdp);
            assertThat(matcher.find()).as("ice-ufrag in%n%s", sdp).isTrue();
            return matcher.group(1);
        };
        return ufrag.apply(answer) + ":" + ufrag.apply(offer);
    }

    private static String metrics() {
        return Http.ok(server.endpoint().resolve("/metrics")).text();
    }

    /** A series' value on /metrics, 0 when it is not there. */
    private static long counter(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }
}
