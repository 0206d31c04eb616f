package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IceFragmentTest {

    /** RFC 9725 section 4.3.1's trickle example, as a browser client sends it. */
    private static final String TRICKLE = """
        a=ice-options:trickle ice2\r
        a=group:BUNDLE 0 1\r
        m=audio 9 UDP/TLS/RTP/SAVPF 111\r
        a=mid:0\r
        a=ice-ufrag:EsAw\r
        a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r
        a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw network-id 1\r
        a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw network-id 2\r
        a=end-of-candidates\r
        """;

    @Test
    void aTrickleFragmentGivesItsCredentialsAndCandidates() {
        IceFragment fragment = IceFragment.parse(TRICKLE);

        assertThat(fragment.ufrag()).isEqualTo("EsAw");
        assertThat(fragment.password()).isEqualTo("P2uYro0UCOQ4zxjKXaWCBui1");
        assertThat(fragment.mediaLine()).isEqualTo("audio 9 UDP/TLS/RTP/SAVPF 111");
        assertThat(fragment.mid()).isEqualTo("0");
        assertThat(fragment.candidates()).extracting(Candidate::port).containsExactly(61764, 61765);
        assertThat(fragment.endOfCandidates()).isTrue();
    }

    @Test
    void whatIsFormattedParsesBackEqual() {
        IceFragment fragment = IceFragment.parse(TRICKLE);

        assertThat(IceFragment.parse(fragment.format())).isEqualTo(fragment);
        assertThat(fragment.format()).startsWith("a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\nm=audio");
    }

    @Test
    void anEmptyFragmentIsNoCandidates() {
        IceFragment fragment = IceFragment.parse("");

        assertThat(fragment.candidates()).isEmpty();
        assertThat(fragment.ufrag()).isEmpty();
        assertThat(fragment.endOfCandidates()).isFalse();
    }

    @Test
    void refusalsSayWhy() {
        assertThat(reason("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n")).isEqualTo(SdpMalformed.UNKNOWN_LINE_TYPE);
        assertThat(reason("hello")).isEqualTo(SdpMalformed.BAD_LINE);
        assertThat(reason("a=candidate:1 1 udp x 192.0.2.1 1 typ host")).isEqualTo(SdpMalformed.BAD_CANDIDATE);
        assertThat(reason("a=ice-ufrag:a b")).isEqualTo(SdpMalformed.BAD_ATTRIBUTE);
        assertThat(reason("a=ice-pwd:short")).isEqualTo(SdpMalformed.BAD_ATTRIBUTE);
        assertThat(reason("m=audio 9\r\n")).isEqualTo(SdpMalformed.BAD_MEDIA_LINE);
        assertThat(reason("a=end-of-candidates\r\n".repeat(1000))).isEqualTo(SdpMalformed.TOO_LARGE);
        assertThat(reason("a=candidate:1 1 udp 1 192.0.2.1 1 typ host\r\n".repeat(65)))
            .isEqualTo(SdpMalformed.TOO_LARGE);
    }

    private static MalformedInputException.Reason reason(String text) {
        return catchThrowableOfType(() -> IceFragment.parse(text), MalformedInputException.class).reason();
    }
}
