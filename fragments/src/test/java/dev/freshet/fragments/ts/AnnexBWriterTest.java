package dev.freshet.fragments.ts;

import dev.freshet.fragments.codec.HevcDecoderConfig;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnexBWriterTest {

    /** An avcC of 4-byte lengths listing the SPS {@code 67 42 c0 1e} and the PPS {@code 68 ce}. */
    private static final byte[] AVCC = HexFormat.of().parseHex("0142c01effe1" + "0004" + "6742c01e" + "01" + "0002" + "68ce");
    private final AnnexBWriter writer = AnnexBWriter.h264(AVCC);

    @Test
    void keyframesGetDelimiterAndParameterSetsAndLoseTheirOwnDelimiter() {
        byte[] au = HexFormat.of().parseHex("00000002" + "09f0" + "00000003" + "65aabb");
        assertThat(convert(new Frame(1, 0, 0, true, au)))
            .isEqualTo("0000000109f0" + "000000016742c01e" + "0000000168ce" + "0000000165aabb");
    }

    @Test
    void otherFramesGetTheDelimiterOnly() {
        byte[] au = HexFormat.of().parseHex("00000002" + "41cc" + "00000001" + "01");
        assertThat(convert(new Frame(1, 0, 0, false, au))).isEqualTo("0000000109f0" + "0000000141cc" + "0000000101");
    }

    @Test
    void hevcUsesItsOwnDelimiter() {
        AnnexBWriter hevc = AnnexBWriter.h265(new byte[0]);
        byte[] au = HexFormat.of().parseHex("00000003" + "260101");
        assertThat(convert(hevc, new Frame(1, 0, 0, true, au))).isEqualTo("00000001460150" + "00000001260101");
    }

    @Test
    void hevcParameterSetsComeFromTheHvcC() {
        AnnexBWriter hevc = AnnexBWriter.h265(Vectors.HVCC_MAIN);
        byte[] au = HexFormat.of().parseHex("00000003" + "260101");
        HevcDecoderConfig config = HevcDecoderConfig.parse(Vectors.HVCC_MAIN);
        String parameterSets = config.parameterSets().stream()
            .map(nal -> "00000001" + HexFormat.of().formatHex(nal.toByteArray())).reduce("", String::concat);
        assertThat(config.parameterSets()).extracting(NalUnit::h265Type).containsExactly(32, 33, 34);
        assertThat(convert(hevc, new Frame(1, 0, 0, true, au)))
            .isEqualTo("00000001460150" + parameterSets + "00000001260101");
    }

    @Test
    void lengthsPastTheFrameAreRefused() {
        byte[] au = HexFormat.of().parseHex("00000009" + "65aabb");
        assertThatThrownBy(() -> writer.size(new Frame(1, 0, 0, false, au))).isInstanceOf(IllegalArgumentException.class);
    }

    private String convert(Frame frame) {
        return convert(writer, frame);
    }

    private static String convert(AnnexBWriter writer, Frame frame) {
        int size = writer.size(frame);
        int pesLength = PesPacketizer.headerSize(false) + size;
        byte[] out = new byte[188 * PesPacketizer.packets(pesLength, false, false)];
        PesPacketizer packetizer = new PesPacketizer(out, new TsSession());
        packetizer.startPes(0x100, 0xE0, size, 0, 0, -1, false);
        writer.write(frame, packetizer);
        return HexFormat.of().formatHex(out, out.length - size, out.length);
    }
}
