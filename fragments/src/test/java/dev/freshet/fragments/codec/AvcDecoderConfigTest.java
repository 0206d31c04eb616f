package dev.freshet.fragments.codec;

import dev.freshet.fragments.mp4.MediaTools;
import dev.freshet.fragments.mp4.SourceMedia;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvcDecoderConfigTest {

    private static final byte[] SPS = HexFormat.of().parseHex("6742c01e8c8d40a0fcb280");
    private static final byte[] PPS = HexFormat.of().parseHex("68ce3c80");

    @Test
    void buildsAndParsesARecord() {
        AvcDecoderConfig config = AvcDecoderConfig.of(List.of(SPS), List.of(PPS), 4);
        byte[] bytes = config.toBytes();
        assertThat(HexFormat.of().formatHex(bytes))
            .isEqualTo("0142c01effe1000b" + "6742c01e8c8d40a0fcb280" + "010004" + "68ce3c80");
        AvcDecoderConfig back = AvcDecoderConfig.parse(bytes);
        assertThat(back.profileIdc()).isEqualTo(66);
        assertThat(back.profileCompatibility()).isEqualTo(0xC0);
        assertThat(back.levelIdc()).isEqualTo(30);
        assertThat(back.nalLengthSize()).isEqualTo(4);
        assertThat(back.sps()).singleElement().isEqualTo(SPS);
        assertThat(back.pps()).singleElement().isEqualTo(PPS);
    }

    @Test
    void readsWhatX264AndFfmpegWrite() {
        SourceMedia source = SourceMedia.h264Aac(true);
        AvcDecoderConfig config = AvcDecoderConfig.parse(source.video().codecPrivate());
        String profile = MediaTools.run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
            "stream=profile,level", "-of", "csv=p=0", source.file().toString()).strip();
        assertThat(profile).isEqualTo("High," + config.levelIdc());
        assertThat(config.profileIdc()).isEqualTo(100);
        assertThat(config.sps()).singleElement().satisfies(sps -> assertThat(sps[0] & 0x1F).isEqualTo(7));
        assertThat(config.pps()).singleElement().satisfies(pps -> assertThat(pps[0] & 0x1F).isEqualTo(8));
        byte[] rebuilt = config.toBytes();
        assertThat(source.video().codecPrivate()).startsWith(rebuilt);
    }

    @Test
    void malformedRecordsSayWhy() {
        assertThat(reason(new byte[] {2, 66, 0, 30, (byte) 0xFF, (byte) 0xE0, 0})).isEqualTo(AvcDecoderConfig.Malformed.Reason.VERSION);
        assertThat(reason(new byte[] {1, 66, 0, 30, (byte) 0xFE, (byte) 0xE0, 0})).isEqualTo(AvcDecoderConfig.Malformed.Reason.LENGTH_SIZE);
        assertThat(reason(new byte[] {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE1, 0, 9, 0x67})).isEqualTo(AvcDecoderConfig.Malformed.Reason.TRUNCATED);
        assertThat(reason(new byte[] {1, 66, 0})).isEqualTo(AvcDecoderConfig.Malformed.Reason.TRUNCATED);
        assertThatThrownBy(() -> AvcDecoderConfig.of(List.of(), List.of(), 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AvcDecoderConfig.Malformed.Reason reason(byte[] avcC) {
        try {
            AvcDecoderConfig.parse(avcC);
            throw new AssertionError("parsed");
        } catch (AvcDecoderConfig.Malformed e) {
            return e.reason();
        }
    }
}
