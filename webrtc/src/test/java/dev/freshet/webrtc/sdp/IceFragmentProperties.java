package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PATCH body is untrusted text: it parses to a fragment that formats back to an equal one, or
 * it is refused with an {@link SdpMalformed} reason; nothing else escapes.
 */
class IceFragmentProperties {

    private static final List<String> LINES = List.of("a=ice-options:trickle ice2", "a=group:BUNDLE 0 1",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:0", "a=mid:1",
        "a=ice-ufrag:EsAw", "a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1", "a=end-of-candidates", "c=IN IP4 0.0.0.0",
        "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw",
        "a=candidate:842163049 1 udp 1677729535 4c1b.local 61710 typ srflx raddr 0.0.0.0 rport 0",
        "a=candidate:1 1 TCP 4294967295 203.0.113.1 443 typ relay tcptype passive");

    @Property(tries = 1000)
    void arbitraryTextParsesAndFormatsBackOrIsMalformed(@ForAll("fragmentLikeText") String text) {
        IceFragment fragment;
        try {
            fragment = IceFragment.parse(text);
        } catch (MalformedInputException expected) {
            assertThat(expected.reason()).isInstanceOf(SdpMalformed.class);
            return;
        }
        assertThat(IceFragment.parse(fragment.format())).isEqualTo(fragment);
    }

    @Provide
    Arbitrary<String> fragmentLikeText() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(LINES),
            Arbitraries.of(LINES).map(l -> l.substring(0, l.length() / 2)),
            Arbitraries.strings().withChars("amcv=: /+0123456789\r\n-.ufragpwdidate").ofMaxLength(40),
            Arbitraries.strings().ofMaxLength(40));
        return line.list().ofMaxSize(20).map(lines -> String.join("\r\n", lines));
    }
}
