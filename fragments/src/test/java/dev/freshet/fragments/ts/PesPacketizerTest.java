package dev.freshet.fragments.ts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class PesPacketizerTest {

    @Test
    void timestampsAndPcrAreEncodedWithMarkerBits() {
        byte[] out = new byte[188];
        PesPacketizer packetizer = new PesPacketizer(out, new TsSession());
        long pts = (1L << 33) + 0x1_2345_6789L;
        packetizer.startPes(0x100, 0xE0, 1, pts, pts - 7200, 0x1_2345_6789L - 7200, true);
        packetizer.write(new byte[] {0x42}, 0, 1);
        String hex = HexFormat.of().formatHex(out);
        // payload unit start, PID 0x100, adaptation + payload, CC 0; 163-byte field: RAI | PCR flags
        assertThat(hex).startsWith("474100" + "30" + "a3" + "50");
        // PCR: base 0x123454B69 (33 bits), 6 reserved ones, extension 0
        assertThat(hex.substring(12, 24)).isEqualTo("91a2a5b4fe00");
        int pes = 188 - 20;
        // PTS wraps to 33 bits: 0x123456789 (prefix 0011), DTS 0x123454B69 (prefix 0001)
        assertThat(HexFormat.of().formatHex(out, pes, 188))
            .isEqualTo("000001e0000e80c00a" + "398d15cf13" + "198d1596d3" + "42");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 169, 170, 171, 183, 184, 185, 400})
    void stuffingFillsTheLastPacketOfEveryLength(int payload) {
        int pesLength = PesPacketizer.headerSize(false) + payload;
        int packets = PesPacketizer.packets(pesLength, false, false);
        byte[] out = new byte[packets * 188];
        PesPacketizer packetizer = new PesPacketizer(out, new TsSession());
        packetizer.startPes(0x101, 0xC0, payload, 90_000, 90_000, -1, false);
        byte[] data = new byte[payload];
        java.util.Arrays.fill(data, (byte) 0x5A);
        packetizer.write(data, 0, payload);
        assertThat(packetizer.position()).isEqualTo(out.length);
        int carried = 0;
        for (int at = 0; at < out.length; at += 188) {
            boolean adaptation = (out[at + 3] & 0x20) != 0;
            int start = at + 4 + (adaptation ? 1 + (out[at + 4] & 0xFF) : 0);
            carried += at + 188 - start;
            if (adaptation && out[at + 4] > 0) {
                assertThat(out[at + 5]).as("no flags in a stuffing-only field").isZero();
            }
        }
        assertThat(carried).isEqualTo(pesLength);
        assertThat(out[out.length - 1]).isEqualTo((byte) 0x5A);
    }
}
