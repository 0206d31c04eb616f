package dev.freshet.tests.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.Playback;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import dev.freshet.tests.webrtc.support.GstWhipPublisher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * An IoT-style camera — GStreamer's webrtcbin driven from Python, x264 constrained baseline at 640x480
 * 30 fps and Opus, non-trickle — publishes over WHIP to Freshet (loopback only): the POST answers 201
 * with a Location and an answer webrtcbin accepts, ICE and DTLS connect, the frames become fragments
 * while the camera still sends, DELETE answers 200, and ffprobe reads what was stored, over HLS, as
 * H.264 at 640x480 with Opus audio.
 */
class WebrtcbinWhipPublishTest {
    @RegisterExtension
    static final VideoServer server = new VideoServer();

    @Test
    void webrtcbinPublishesOverWhipAndTheStreamPlaysAsHls() {
        VideoStream stream = server.createStream("whip-gst");
        URI whip = server.endpoint().resolve("/whip/" + stream.name());
        try (GstWhipPublisher camera = GstWhipPublisher.start(whip, 8)) {
            JsonNode posted = camera.awaitEvent("posted", Duration.ofSeconds(30));
            assertThat(posted.path("status").asInt()).as("WHIP POST status").isEqualTo(201);
            assertThat(URI.create(posted.path("location").asText()).getPath()).as("Location of the WHIP session")
                    .startsWith("/whip/" + stream.name() + "/");
            assertThat(posted.path("sdp").asText()).as("the answer").contains("a=rtpmap:102 H264/90000",
                    "a=rtpmap:111 OPUS/48000/2", "a=candidate:1 1 udp 2130706431 127.0.0.1 ");
            camera.awaitEvent("connected", Duration.ofSeconds(30));

            List<Fragment> live = server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(30));
            assertThat(camera.event("deleted")).as("fragments stored while the camera still sends").isEmpty();
            assertThat(live).allSatisfy(f -> assertThat(f.fragmentLengthInMilliseconds()).isPositive());

            camera.awaitSuccess(Duration.ofSeconds(60));
            assertThat(camera.event("deleted").orElseThrow().path("status").asInt()).as("DELETE of the WHIP session")
                    .isEqualTo(200);
        }

        FfProbe.Probe probe = FfProbe.probe(Playback.hlsOnDemandAround(server, stream.name(),
                System.currentTimeMillis()).toString());
        assertThat(probe.video().codecName()).isEqualTo("h264");
        assertThat(probe.video().width()).as("width").isEqualTo(640);
        assertThat(probe.video().height()).as("height").isEqualTo(480);
        assertThat(probe.audio()).hasValueSatisfying(a -> assertThat(a.codecName()).isEqualTo("opus"));
    }
}
