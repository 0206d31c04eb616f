package dev.freshet.web.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

class PeerPayloadsTest {

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void anOfferIsTheBase64OfAnRtcSessionDescription() {
        String json = new String(Base64.getDecoder().decode(PeerPayloads.offer(SDP)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n\"}");
    }

    @Test
    void readsTheSdpOfAnAnswerInAnyCaseOfItsKeys() {
        assertThat(PeerPayloads.answer(b64("{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}"))).isEqualTo("v=0\r\n");
        assertThat(PeerPayloads.answer(b64("{\"Type\":\"answer\",\"SDP\":\"v=0\\r\\n\"}"))).isEqualTo("v=0\r\n");
    }

    @Test
    void readsATrickledCandidateAsBrowsersSerialiseIt() {
        PeerPayloads.IceCandidate candidate = PeerPayloads.candidate(b64("{\"candidate\":\"candidate:1 1 udp 2122260223 "
            + "127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}"));
        assertThat(candidate).isEqualTo(new PeerPayloads.IceCandidate(
            "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0"));
        assertThat(PeerPayloads.candidate(b64("{\"candidate\":\"\"}")).sdpMid()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"offer\",\"sdp\":\"v=0\"}", "{\"type\":\"answer\"}",
        "{\"type\":\"answer\",\"sdp\":5}", "[\"answer\"]", "\"answer\"", "not json", ""})
    void refusesWhatIsNotAnAnswer(String json) {
        assertThatThrownBy(() -> PeerPayloads.answer(b64(json))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIsNotBase64OrACandidate() {
        assertThatThrownBy(() -> PeerPayloads.answer("%%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerPayloads.candidate(b64("{\"sdpMid\":\"0\"}")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void anyPayloadIsReadOrRefusedWithIllegalArgument(@ForAll String text, @ForAll boolean encode) {
        String payload = encode ? b64(text) : text;
        try {
            assertThat(PeerPayloads.answer(payload)).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            assertThat(PeerPayloads.candidate(payload).candidate()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
