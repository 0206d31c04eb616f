package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.web.server.config.WebRtcSettings.IceServers;
import org.junit.jupiter.api.Test;

import java.util.List;

class IceServerLinksTest {

    @Test
    void noServersNoLinks() {
        assertThat(IceServerLinks.of(IceServers.NONE)).isEmpty();
    }

    @Test
    void credentialsGoWithTurnOnlyAndAreQuoted() {
        List<String> links = IceServerLinks.of(new IceServers(List.of("stun:a.example:3478", "turns:b.example:5349"),
            "user", "se\"cr\\et"));
        assertThat(links).containsExactly("<stun:a.example:3478>; rel=\"ice-server\"",
            "<turns:b.example:5349>; rel=\"ice-server\"; username=\"user\"; credential=\"se\\\"cr\\\\et\"; "
                + "credential-type=\"password\"");
    }

    @Test
    void turnWithoutAUserNameCarriesNoCredential() {
        assertThat(IceServerLinks.of(new IceServers(List.of("turn:b.example"), "", "")))
            .containsExactly("<turn:b.example>; rel=\"ice-server\"");
    }
}
