package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpusHead against ffprobe's report of {@link Vectors}' streams, and hand-built headers. */
class OpusHeadTest {

    @Test
    void opusStereo() {
        OpusHead head = OpusHead.parse(Vectors.OPUS_HEAD_STEREO);
        assertThat(head).isEqualTo(OpusHead.ofFamilyZero(2, 312, 48000));
        assertThat(head.toBytes()).isEqualTo(Vectors.OPUS_HEAD_STEREO);
    }

    @Test
    void opusSurroundWithItsMappingTable() {
        OpusHead head = OpusHead.parse(Vectors.OPUS_HEAD_51);
        assertThat(head.channels()).isEqualTo(6);
        assertThat(head.mappingFamily()).isEqualTo(1);
        assertThat(head.streamCount()).isEqualTo(4);
        assertThat(head.coupledCount()).isEqualTo(2);
        assertThat(head.channelMapping()).containsExactly(0, 4, 1, 2, 3, 5);
        assertThat(head.encodedSize()).isEqualTo(Vectors.OPUS_HEAD_51.length);
        assertThat(head.toBytes()).isEqualTo(Vectors.OPUS_HEAD_51);
    }

    @Test
    void opusGainIsSignedQ8() {
        OpusHead head = new OpusHead(1, 1, 0, 16000, -384, 0, 1, 0, List.of());
        ByteBuffer out = ByteBuffer.allocate(head.encodedSize() + 2).put((byte) 7);
        head.encodeTo(out);
        assertThat(out.position()).isEqualTo(1 + head.encodedSize());
        byte[] written = java.util.Arrays.copyOfRange(out.array(), 1, 1 + head.encodedSize());
        OpusHead parsed = OpusHead.parse(written);
        assertThat(parsed).isEqualTo(head);
        assertThat(parsed.outputGainDb()).isEqualTo(-1.5);
    }

    @Test
    void badOpusHeadsAreRefused() {
        byte[] wrongMagic = Vectors.OPUS_HEAD_STEREO.clone();
        wrongMagic[0] = 'o';
        NalFramingTest.assertReason(() -> OpusHead.parse(wrongMagic), CodecException.Reason.MALFORMED);
        byte[] version2 = Vectors.OPUS_HEAD_STEREO.clone();
        version2[8] = 0x20;
        NalFramingTest.assertReason(() -> OpusHead.parse(version2), CodecException.Reason.UNSUPPORTED);
        byte[] threeChannelsFamily0 = Vectors.OPUS_HEAD_STEREO.clone();
        threeChannelsFamily0[9] = 3;
        NalFramingTest.assertReason(() -> OpusHead.parse(threeChannelsFamily0), CodecException.Reason.MALFORMED);
        byte[] badIndex = Vectors.OPUS_HEAD_51.clone();
        badIndex[badIndex.length - 1] = 6;
        NalFramingTest.assertReason(() -> OpusHead.parse(badIndex), CodecException.Reason.MALFORMED);
        NalFramingTest.assertReason(() -> OpusHead.parse(java.util.Arrays.copyOf(Vectors.OPUS_HEAD_51, 22)),
            CodecException.Reason.TRUNCATED);
    }
}
