package dev.freshet.fragments.codec;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioSpecificConfigTest {

    @Test
    void aacLowComplexity44100Stereo() {
        AudioSpecificConfig config = AudioSpecificConfig.parse(new byte[] {0x12, 0x10});
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 4, 44_100, 2));
        // 256-byte frame: aac_frame_length 263 = 0x107
        assertThat(HexFormat.of().formatHex(config.adtsHeader(256))).isEqualTo("fff1508020fffc");
    }

    @Test
    void adtsHeaderFieldsForMono48k() {
        AudioSpecificConfig config = AudioSpecificConfig.parse(new byte[] {0x11, (byte) 0x88});
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 3, 48_000, 1));
        byte[] out = new byte[9];
        config.writeAdtsHeader(out, 2, 8184);
        int length = ((out[5] & 0x3) << 11) | ((out[6] & 0xFF) << 3) | ((out[7] & 0xFF) >> 5);
        assertThat(length).isEqualTo(8191);
        assertThat((out[4] >> 2) & 0xF).as("sampling index").isEqualTo(3);
        assertThat(((out[4] & 1) << 2) | ((out[5] & 0xFF) >> 6)).as("channels").isEqualTo(1);
        assertThatThrownBy(() -> config.adtsHeader(8185)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitSbrSignallingDescribesTheCore() {
        // AOT 5 (SBR), index 6 (24 kHz), stereo, extension index 3 (48 kHz), core AOT 2
        byte[] heAac = bits("00101" + "0110" + "0010" + "0011" + "00010" + "000");
        AudioSpecificConfig config = AudioSpecificConfig.parse(heAac);
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 6, 24_000, 2));
        assertThat(config.adtsHeader(0)[2] & 0xFF).isEqualTo((1 << 6) | (6 << 2));
    }

    @Test
    void escapedObjectTypeAndExplicitRate() {
        // AOT escape 31 then ext 0: 32 + 0 = 32, index 15 then 24-bit 44100, mono
        AudioSpecificConfig config = AudioSpecificConfig.parse(bits("11111" + "000000" + "1111"
            + String.format("%24s", Integer.toBinaryString(44_100)).replace(' ', '0') + "0001" + "00000"));
        assertThat(config).isEqualTo(new AudioSpecificConfig(32, 15, 44_100, 1));
        assertThatThrownBy(() -> config.adtsHeader(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedConfigsSayWhy() {
        assertThat(reason(new byte[] {0x12})).isEqualTo(AudioSpecificConfig.Malformed.Reason.TRUNCATED);
        assertThat(reason(bits("00010" + "1101" + "0010" + "000"))).isEqualTo(AudioSpecificConfig.Malformed.Reason.SAMPLING_INDEX);
    }

    private static AudioSpecificConfig.Malformed.Reason reason(byte[] config) {
        try {
            AudioSpecificConfig.parse(config);
            throw new AssertionError("parsed");
        } catch (AudioSpecificConfig.Malformed e) {
            return e.reason();
        }
    }

    private static byte[] bits(String binary) {
        String padded = binary + "0".repeat((8 - binary.length() % 8) % 8);
        byte[] out = new byte[padded.length() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(padded.substring(i * 8, i * 8 + 8), 2);
        }
        return out;
    }
}
