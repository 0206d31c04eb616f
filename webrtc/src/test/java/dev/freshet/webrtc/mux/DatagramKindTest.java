package dev.freshet.webrtc.mux;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatagramKindTest {

    @Test
    void firstByteRangesOfRfc7983() {
        assertThat(kind(0x00, 0x01)).isEqualTo(DatagramKind.STUN);
        assertThat(kind(0x03, 0x00)).isEqualTo(DatagramKind.STUN);
        assertThat(kind(0x10, 0x00)).isEqualTo(DatagramKind.ZRTP);
        assertThat(kind(0x16, 0xFE)).as("DTLS handshake record").isEqualTo(DatagramKind.DTLS);
        assertThat(kind(0x17, 0xFE)).as("DTLS application data").isEqualTo(DatagramKind.DTLS);
        assertThat(kind(0x40, 0x00)).isEqualTo(DatagramKind.TURN_CHANNEL);
        assertThat(kind(0x04, 0x00)).isEqualTo(DatagramKind.UNKNOWN);
        assertThat(kind(0xC0, 0x00)).isEqualTo(DatagramKind.UNKNOWN);
    }

    @Test
    void rtcpPacketTypesAreToldFromRtpPayloadTypes() {
        assertThat(kind(0x80, 96)).as("RTP, payload type 96").isEqualTo(DatagramKind.RTP);
        assertThat(kind(0x80, 0x80 | 96)).as("RTP, marker set, payload type 96").isEqualTo(DatagramKind.RTP);
        assertThat(kind(0x80, 200)).as("RTCP sender report").isEqualTo(DatagramKind.RTCP);
        assertThat(kind(0x81, 205)).as("RTCP transport feedback").isEqualTo(DatagramKind.RTCP);
        assertThat(kind(0x81, 206)).as("RTCP PLI").isEqualTo(DatagramKind.RTCP);
        assertThat(DatagramKind.of(new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(DatagramKind.UNKNOWN);
        assertThat(DatagramKind.of(new byte[0], 0, 0)).isEqualTo(DatagramKind.UNKNOWN);
    }

    @Property(tries = 500)
    void anyBytesGetAKind(@ForAll byte[] data) {
        assertThat(DatagramKind.of(data, 0, data.length)).isNotNull();
    }

    private static DatagramKind kind(int first, int second) {
        return DatagramKind.of(new byte[] {(byte) first, (byte) second, 0, 0}, 0, 4);
    }
}
