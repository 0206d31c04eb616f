package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdpMalformedTest {

    private static final String HEAD = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        ''                                                   | MISSING_VERSION
        v=1\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nt=0 0          | MISSING_VERSION
        o=- 1 1 IN IP4 0.0.0.0\\nv=0\\ns=-\\nt=0 0          | MISSING_VERSION
        v=0\\ns=-\\nt=0 0                                    | MISSING_ORIGIN
        v=0\\no=- 1 1 IN IP4\\ns=-\\nt=0 0                   | MISSING_ORIGIN
        v=0\\no=- 1 1 IN IP4 0.0.0.0\\nt=0 0                 | MISSING_SESSION_NAME
        v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nm=audio 9 RTP/AVP 0 | MISSING_TIMING
        v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-                   | MISSING_TIMING
        HEAD garbage                                         | BAD_LINE
        HEAD x=1                                             | UNKNOWN_LINE_TYPE
        HEAD s=again                                         | MISPLACED_LINE
        HEAD AUDIO t=0 0                                     | MISPLACED_LINE
        HEAD m=audio 9 UDP/TLS/RTP/SAVPF                     | BAD_MEDIA_LINE
        HEAD m=audio 70000 UDP/TLS/RTP/SAVPF 111             | BAD_MEDIA_LINE
        HEAD m=audio 9 UDP/TLS/RTP/SAVPF opus                | BAD_MEDIA_LINE
        HEAD m=audio 9 UDP/TLS/RTP/SAVPF 128                 | BAD_MEDIA_LINE
        HEAD m=text 9 RTP/AVP 98                             | UNKNOWN_MEDIA_KIND
        HEAD AUDIO a=rtpmap:111 opus                         | BAD_ATTRIBUTE
        HEAD AUDIO a=rtpmap:300 opus/48000                   | BAD_ATTRIBUTE
        HEAD AUDIO a=rtpmap:111 opus/+48000                  | BAD_ATTRIBUTE
        HEAD AUDIO a=fmtp:x minptime=10                      | BAD_ATTRIBUTE
        HEAD AUDIO a=rtcp-fb:111                             | BAD_ATTRIBUTE
        HEAD AUDIO a=extmap:0 urn:x                          | BAD_ATTRIBUTE
        HEAD AUDIO a=extmap:1/sideways urn:x                 | BAD_ATTRIBUTE
        HEAD AUDIO a=ssrc:4294967296 cname:x                 | BAD_ATTRIBUTE
        HEAD AUDIO a=ssrc-group:FID                          | BAD_ATTRIBUTE
        HEAD AUDIO a=rid:h both                              | BAD_ATTRIBUTE
        HEAD AUDIO a=setup:maybe                             | BAD_ATTRIBUTE
        HEAD a=:value                                        | BAD_ATTRIBUTE
        HEAD AUDIO a=candidate:1 1 udp 1 10.0.0.1 5000 typ   | BAD_CANDIDATE
        HEAD AUDIO a=candidate:1 1 sctp 1 10.0.0.1 5000 typ host | BAD_CANDIDATE
        HEAD AUDIO a=candidate:1 1 udp 1 10.0.0.1 5000 typ nat | BAD_CANDIDATE
        HEAD AUDIO a=candidate:1 1 udp 1 10.0.0.1 99999 typ host | BAD_CANDIDATE
        HEAD AUDIO a=candidate:1 1 udp 1 10.0.0.1 5000 typ host generation | BAD_CANDIDATE
        HEAD AUDIO a=fingerprint:sha-256 AB:CD                | BAD_FINGERPRINT
        HEAD AUDIO a=fingerprint:sha-1 not-hex                | BAD_FINGERPRINT
        HEAD AUDIO a=fingerprint:sha-256                      | BAD_FINGERPRINT
        """)
    void refusedWithReason(String sdp, SdpMalformed reason) {
        String text = sdp.replace("HEAD ", HEAD).replace("AUDIO ", AUDIO).replace("\\n", "\n");
        assertThatThrownBy(() -> SessionDescription.parse(text))
            .isInstanceOf(MalformedInputException.class)
            .extracting(e -> ((MalformedInputException) e).reason()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void tooLarge() {
        String text = HEAD + "a=x:" + "y".repeat(SdpParser.MAX_CHARS) + "\n";
        assertThatThrownBy(() -> SessionDescription.parse(text))
            .extracting(e -> ((MalformedInputException) e).reason()).isEqualTo(SdpMalformed.TOO_LARGE);
    }
}
