package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static dev.freshet.fragments.codec.RbspReaderTest.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AudioSpecificConfigs ffmpeg wrote and hand-built ones, and the ADTS headers they give. */
class AudioSpecificConfigTest {

    @Test
    void ffmpegAacConfigs() {
        AudioSpecificConfig stereo = AudioSpecificConfig.parse(Vectors.ASC_LC_48K_STEREO);
        assertThat(stereo).isEqualTo(new AudioSpecificConfig(2, 2, 3, 48_000, 2, 0));
        assertThat(new int[] {stereo.sampleRate(), stereo.channels()}).containsExactly(48_000, 2);
        AudioSpecificConfig mono = AudioSpecificConfig.parse(Vectors.ASC_LC_44K_MONO);
        assertThat(new int[] {mono.objectType(), mono.sampleRate(), mono.channels()}).containsExactly(2, 44_100, 1);
    }

    @Test
    void aacLowComplexity44100Stereo() {
        AudioSpecificConfig config = AudioSpecificConfig.parse(new byte[] {0x12, 0x10});
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 2, 4, 44_100, 2, 0));
        // 256-byte frame: aac_frame_length 263 = 0x107
        assertThat(HexFormat.of().formatHex(config.adtsHeader(256))).isEqualTo("fff1508020fffc");
    }

    @Test
    void adtsHeaderFieldsForMono48k() {
        AudioSpecificConfig config = AudioSpecificConfig.parse(new byte[] {0x11, (byte) 0x88});
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 2, 3, 48_000, 1, 0));
        byte[] out = new byte[9];
        config.writeAdtsHeader(out, 2, 8184);
        int length = ((out[5] & 0x3) << 11) | ((out[6] & 0xFF) << 3) | ((out[7] & 0xFF) >> 5);
        assertThat(length).isEqualTo(8191);
        assertThat((out[4] >> 2) & 0xF).as("sampling index").isEqualTo(3);
        assertThat(((out[4] & 1) << 2) | ((out[5] & 0xFF) >> 6)).as("channels").isEqualTo(1);
        assertThatThrownBy(() -> config.adtsHeader(8185)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitSbrSignallingGivesTheOutputFormatAndAnAdtsHeaderOfTheCore() {
        // AOT 5 (SBR) | 24 kHz (6) | stereo (2) | extension 48 kHz (3) | core AOT 2
        AudioSpecificConfig config = AudioSpecificConfig.parse(bits("00101 0110 0010 0011 00010"));
        assertThat(config).isEqualTo(new AudioSpecificConfig(5, 2, 6, 24_000, 2, 48_000));
        assertThat(new int[] {config.sampleRate(), config.channels()}).containsExactly(48_000, 2);
        assertThat(config.adtsHeader(0)[2] & 0xFF).isEqualTo((1 << 6) | (6 << 2));
    }

    @Test
    void explicitPsSignallingMakesMonoStereo() {
        // AOT 29 (PS) | 22050 (7) | mono (1) | extension 44100 (4) | core AOT 2
        AudioSpecificConfig config = AudioSpecificConfig.parse(bits("11101 0111 0001 0100 00010"));
        assertThat(new int[] {config.objectType(), config.sampleRate(), config.channels()})
            .containsExactly(29, 44_100, 2);
        assertThat(new int[] {config.coreObjectType(), config.samplingFrequency(), config.channelConfiguration()})
            .containsExactly(2, 22_050, 1);
    }

    @Test
    void escapedObjectTypeAndExplicitRate() {
        // AOT escape 31 then ext 0: 32 + 0 = 32, index 15 then 24-bit 44100, mono
        AudioSpecificConfig config = AudioSpecificConfig.parse(bits("11111 000000 1111"
            + String.format("%24s", Integer.toBinaryString(44_100)).replace(' ', '0') + "0001 00000"));
        assertThat(config).isEqualTo(new AudioSpecificConfig(32, 32, 15, 44_100, 1, 0));
        NalFramingTest.assertReason(() -> config.adtsHeader(10), CodecException.Reason.UNSUPPORTED);
    }

    @Test
    void escapedObjectTypeWithTheNewerChannelConfigurations() {
        // AOT 31 + 10 = 42 (USAC) | index 15 + 24-bit 96000 | channel configuration 7 (7.1: 8 channels)
        AudioSpecificConfig config = AudioSpecificConfig.parse(bits("11111 001010 1111 000000010111011100000000 0111"));
        assertThat(new int[] {config.objectType(), config.sampleRate(), config.channels()})
            .containsExactly(42, 96_000, 8);
    }

    @Test
    void malformedConfigsSayWhy() {
        NalFramingTest.assertReason(() -> AudioSpecificConfig.parse(new byte[] {0x12}), CodecException.Reason.TRUNCATED);
        NalFramingTest.assertReason(() -> AudioSpecificConfig.parse(Vectors.hex("11")), CodecException.Reason.TRUNCATED);
        // reserved sampling frequency index 13
        NalFramingTest.assertReason(() -> AudioSpecificConfig.parse(bits("00010 1101 0010")),
            CodecException.Reason.MALFORMED);
        // reserved channel configuration 8
        NalFramingTest.assertReason(() -> AudioSpecificConfig.parse(bits("00010 0011 1000")),
            CodecException.Reason.MALFORMED);
        // object type 0, the null object
        NalFramingTest.assertReason(() -> AudioSpecificConfig.parse(bits("00000 0011 0010")),
            CodecException.Reason.MALFORMED);
    }
}
