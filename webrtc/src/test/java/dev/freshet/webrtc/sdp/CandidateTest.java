package dev.freshet.webrtc.sdp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateTest {

    @Test
    void trickledCandidateWithPrefixAndMdnsAddress() {
        Candidate c = Candidate.parse("candidate:842163049 1 udp 1677729535 4c1b7a3e-ae3b-4bd5-93fa-6d1c8e1f3c2d.local "
            + "61710 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag EsAw network-cost 999");

        assertThat(c.address()).endsWith(".local");
        assertThat(c.type()).isEqualTo(Candidate.Type.SRFLX);
        assertThat(c.relatedAddress()).isEqualTo("0.0.0.0");
        assertThat(c.relatedPort()).isZero();
        assertThat(c.extensions()).containsExactly(Map.entry("generation", "0"), Map.entry("ufrag", "EsAw"),
            Map.entry("network-cost", "999"));
    }

    @Test
    void formatParsesBack() {
        Candidate relay = Candidate.parse("abc+/ 1 TCP 4294967295 203.0.113.1 443 typ relay raddr 10.0.0.1 "
            + "rport 5000 tcptype passive");

        assertThat(relay.format()).isEqualTo("abc+/ 1 tcp 4294967295 203.0.113.1 443 typ relay raddr 10.0.0.1 "
            + "rport 5000 tcptype passive");
        assertThat(Candidate.parse(relay.format())).isEqualTo(relay);
    }

    @Test
    void hostCandidateOfTheServer() {
        Candidate host = Candidate.host("1", "192.0.2.10", 8189);

        assertThat(host.format()).isEqualTo("1 1 udp 2130706431 192.0.2.10 8189 typ host");
    }
}
