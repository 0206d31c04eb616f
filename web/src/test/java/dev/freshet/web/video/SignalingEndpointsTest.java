package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

class SignalingEndpointsTest {

    @Test
    void withoutTlsTheWebSocketIsWsOnTheRequestsAuthority() {
        SignalingEndpoints endpoints = new SignalingEndpoints(OptionalInt.empty());
        assertThat(endpoints.of("WSS", "http://127.0.0.1:4567")).isEqualTo("ws://127.0.0.1:4567/signaling");
        assertThat(endpoints.of("HTTPS", "http://127.0.0.1:4567")).isEqualTo("http://127.0.0.1:4567");
        assertThat(endpoints.of("WEBRTC", "http://127.0.0.1:4567")).isEqualTo("http://127.0.0.1:4567");
    }

    @Test
    void withTlsTheWebSocketIsWssOnTheTlsPort() {
        SignalingEndpoints endpoints = new SignalingEndpoints(OptionalInt.of(4443));
        assertThat(endpoints.of("WSS", "https://cam.example:4443")).isEqualTo("wss://cam.example:4443/signaling");
        assertThat(endpoints.of("WSS", "http://cam.example:4567")).isEqualTo("wss://cam.example:4443/signaling");
        assertThat(endpoints.of("WSS", "http://[::1]:4567")).isEqualTo("wss://[::1]:4443/signaling");
        assertThat(endpoints.of("WSS", "http://cam.example")).isEqualTo("wss://cam.example:4443/signaling");
    }
}
