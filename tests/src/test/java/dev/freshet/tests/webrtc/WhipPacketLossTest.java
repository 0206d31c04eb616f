package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.tests.video.support.Commands;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import dev.freshet.tests.webrtc.support.GstWhipPublisher;
import dev.freshet.tests.webrtc.support.Loopback;
import dev.freshet.tests.webrtc.support.LossyUdpRelay;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * Packet loss and reordering between a WHIP publisher and Freshet are repaired by NACK: the GStreamer
 * camera (webrtcbin with NACK and RTX) reaches Freshet through a {@link LossyUdpRelay} that drops 5 %
 * of its H.264 packets and holds back 3 % behind later ones (STUN, DTLS, RTCP and retransmissions pass).
 * Freshet binds 127.0.0.1:P and advertises 127.0.0.2 ({@code webrtc-advertised-addresses}), where the
 * relay listens on the same port P, so the answer's candidate leads the camera to the relay. Freshet
 * NACKs what is missing, the camera retransmits over RTX, and what is stored decodes without an error,
 * with about as many pictures as its duration holds at 30 fps.
 */
class WhipPacketLossTest {
    private static final int VIDEO_PT = 102;
    private static final int SECONDS = 12;
    private static final int FPS = 30;
    private static final int PORT = Loopback.freeUdpPort();

    static final LossyUdpRelay relay = LossyUdpRelay.start(new InetSocketAddress(Loopback.address(2), PORT),
            new InetSocketAddress(Loopback.address(1), PORT),
            new LossyUdpRelay.Impairment(4, 0.05, 0.03, Set.of(VIDEO_PT)));

    @RegisterExtension
    static final VideoServer server = new VideoServer("--webrtc-host", "127.0.0.1", "--webrtc-port",
            Integer.toString(PORT), "--webrtc-advertised-addresses", "127.0.0.2");

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Test
    void lostAndReorderedVideoIsRepairedByNackAndTheStoredFragmentsDecode() {
        VideoStream stream = server.createStream("whip-loss");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        JsonNode stats;
        int rtxPayloadType;
        try (GstWhipPublisher camera = GstWhipPublisher.start(whip, SECONDS, "--nack", "--pattern", "smpte",
                "--kbps", "1500")) {
            JsonNode posted = camera.awaitEvent("posted", Duration.ofSeconds(30));
            assertThat(posted.path("status").asInt()).as("WHIP POST status").isEqualTo(201);
            String answer = posted.path("sdp").asText();
            assertThat(answer).as("the answer leads to the relay")
                    .contains("a=candidate:1 1 udp 2130706431 127.0.0.2 " + PORT + " typ host");
            rtxPayloadType = rtxPayloadType(answer);
            camera.awaitSuccess(Duration.ofSeconds(SECONDS + 60));
            assertThat(camera.event("deleted").orElseThrow().path("status").asInt()).as("DELETE").isEqualTo(200);
            stats = camera.event("stats").orElseThrow().path("video");
        }

        assertThat(relay.rtpPackets(VIDEO_PT)).as("H.264 packets through the relay").isGreaterThan(300);
        assertThat(relay.dropped()).as("packets the relay dropped").isGreaterThan(5);
        assertThat(relay.reordered()).as("packets the relay reordered").isPositive();
        assertThat(stats.path("nack-count").asLong()).as("NACKs the camera received from Freshet (%s)", stats)
                .isPositive();
        assertThat(relay.rtpPackets(rtxPayloadType)).as("retransmissions (RTX) through the relay")
                .isGreaterThanOrEqualTo(relay.dropped());

        List<Fragment> fragments = server.fragments(stream.name());
        assertThat(fragments).as("fragments stored").hasSizeGreaterThanOrEqualTo(SECONDS / 2);
        String hls = Playback.hlsOnDemandAround(server, stream.name(), System.currentTimeMillis()).toString();
        Commands.Result decoded = Commands.run(Duration.ofSeconds(90), List.of("ffmpeg", "-hide_banner", "-nostdin",
                "-v", "error", "-i", hls, "-f", "null", "-")).check();
        assertThat(decoded.stderr()).as("ffmpeg's decode errors").isBlank();
        FfProbe.StreamInfo video = FfProbe.probe(hls).video();
        assertThat(video.codecName()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(640);
        double seconds = fragments.stream().mapToLong(Fragment::fragmentLengthInMilliseconds).sum() / 1000.0;
        assertThat(video.frames()).as("pictures decoded in %.1f s of fragments", seconds)
                .isGreaterThanOrEqualTo(Math.round(0.9 * seconds * FPS));
    }

    private static int rtxPayloadType(String answer) {
        Matcher rtx = Pattern.compile("a=rtpmap:(\\d+) rtx/90000").matcher(answer);
        assertThat(rtx.find()).as("RTX negotiated in the answer:%n%s", answer).isTrue();
        return Integer.parseInt(rtx.group(1));
    }
}
