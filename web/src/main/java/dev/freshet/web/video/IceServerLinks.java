package dev.freshet.web.video;

import dev.freshet.web.server.config.WebRtcSettings.IceServers;

import java.util.List;

/**
 * The STUN/TURN servers of {@code webrtc-ice-servers} as the {@code Link} header values a WHIP or
 * WHEP 201 carries (RFC 9725 section 4.6), one per URI:
 * <pre>
 *   Link: &lt;stun:stun.example.net&gt;; rel="ice-server"
 *   Link: &lt;turn:turn.example.net?transport=udp&gt;; rel="ice-server"; username="user";
 *         credential="secret"; credential-type="password"
 * </pre>
 * Credentials go with {@code turn:}/{@code turns:} URIs only, as STUN takes none. Freshet itself
 * needs no server (it is reachable at its candidates); clients behind NATs may.
 *
 * <p>Immutable and thread-safe.
 */
final class IceServerLinks {

    private IceServerLinks() {
    }

    static List<String> of(IceServers servers) {
        return servers.uris().stream().map(uri -> link(uri, servers)).toList();
    }

    private static String link(String uri, IceServers servers) {
        StringBuilder link = new StringBuilder("<").append(uri).append(">; rel=\"ice-server\"");
        if (uri.startsWith("turn") && !servers.username().isEmpty()) {
            link.append("; username=").append(quoted(servers.username()))
                .append("; credential=").append(quoted(servers.password()))
                .append("; credential-type=\"password\"");
        }
        return link.toString();
    }

    /** An RFC 9110 quoted-string. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
