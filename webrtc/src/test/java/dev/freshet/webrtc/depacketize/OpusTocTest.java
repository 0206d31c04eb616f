package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.media.Frame;
import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpusTocTest {

    /** RFC 6716 Table 2, config 0..31, in microseconds. */
    private static final int[] TABLE_2 = {
        10_000, 20_000, 40_000, 60_000, 10_000, 20_000, 40_000, 60_000, 10_000, 20_000, 40_000, 60_000,
        10_000, 20_000, 10_000, 20_000,
        2_500, 5_000, 10_000, 20_000, 2_500, 5_000, 10_000, 20_000, 2_500, 5_000, 10_000, 20_000,
        2_500, 5_000, 10_000, 20_000};

    private static RtpPayload opus(int... bytes) {
        byte[] payload = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            payload[i] = (byte) bytes[i];
        }
        return RtpPayload.of(0, 0, false, payload);
    }

    @Test
    void everyConfigAndStereoFlagGivesTheTableFrameSizeForCodes0To2() {
        for (int config = 0; config < 32; config++) {
            for (int stereo = 0; stereo < 2; stereo++) {
                int toc = config << 3 | stereo << 2;
                long frame = TABLE_2[config];
                assertThat(OpusToc.packetMicros(opus(toc, 1, 2, 3))).as("config %d code 0", config).isEqualTo(frame);
                assertThat(OpusToc.packetMicros(opus(toc | 1, 1, 2))).as("code 1").isEqualTo(2 * frame);
                assertThat(OpusToc.packetMicros(opus(toc | 2, 1, 9, 9))).as("code 2").isEqualTo(2 * frame);
            }
        }
    }

    @Test
    void code3CountsItsFramesUpTo120Milliseconds() {
        for (int config = 0; config < 32; config++) {
            int toc = config << 3 | 3;
            int maxFrames = 120_000 / TABLE_2[config];
            for (int frames = 1; frames <= maxFrames; frames++) {
                assertThat(OpusToc.packetMicros(opus(toc, frames | 0x80, 0)))
                    .isEqualTo((long) frames * TABLE_2[config]);
            }
            assertMalformed(opus(toc, maxFrames + 1), DepacketizeMalformed.OPUS_BAD_FRAME_COUNT);
        }
        assertMalformed(opus(0x03, 0), DepacketizeMalformed.OPUS_BAD_FRAME_COUNT);
        assertMalformed(opus(0x03), DepacketizeMalformed.OPUS_TRUNCATED_PACKET);
    }

    @Test
    void framingTheTocContradictsIsMalformed() {
        assertMalformed(opus(), DepacketizeMalformed.OPUS_EMPTY_PAYLOAD);
        assertMalformed(opus(0x01, 1), DepacketizeMalformed.OPUS_ODD_CODE1_LENGTH);
        assertMalformed(opus(0x02), DepacketizeMalformed.OPUS_TRUNCATED_PACKET);
        assertMalformed(opus(0x02, 5, 1), DepacketizeMalformed.OPUS_TRUNCATED_PACKET);
        assertMalformed(opus(0x02, 252), DepacketizeMalformed.OPUS_TRUNCATED_PACKET);
        assertThat(OpusToc.packetMicros(opus(0x02 | 1 << 3, 0))).isEqualTo(40_000);
    }

    @Test
    void aDtxPacketOfJustTheTocLastsOneFrame() {
        assertThat(OpusToc.packetMicros(opus(0xF8))).isEqualTo(20_000);
    }

    @Test
    void depacketizerGivesFramesWithDurationsAndDropsLatePackets() {
        OpusDepacketizer depacketizer = new OpusDepacketizer();
        RtpClock clock = RtpClock.opus();
        byte[] twentyMs = {(byte) 0xFC, 1, 2, 3};
        Frame first = depacketizer.depacketize(RtpPayload.of(65535, 4_294_966_336L, true, twentyMs)).orElseThrow()
            .toFrame(2, clock, 1_000_000);
        Frame second = depacketizer.depacketize(RtpPayload.of(0, 0, false, twentyMs)).orElseThrow()
            .toFrame(2, clock, 5_000_000);

        assertThat(first).satisfies(f -> {
            assertThat(f.track()).isEqualTo(2);
            assertThat(f.timestampMicros()).isEqualTo(1_000_000);
            assertThat(f.durationMicros()).isEqualTo(20_000);
            assertThat(f.keyframe()).isTrue();
            assertThat(f.data()).isEqualTo(twentyMs);
        });
        assertThat(second.timestampMicros()).isEqualTo(1_020_000);
        assertThat(depacketizer.depacketize(RtpPayload.of(65535, 0, false, twentyMs))).isEmpty();
        assertThat(depacketizer.depacketize(RtpPayload.of(2, 1920, false, twentyMs))).isPresent();
        assertThat(depacketizer.counters().get(DepacketizeDrop.DUPLICATE_PACKET)).isEqualTo(1);
        assertThat(depacketizer.counters().get(DepacketizeDrop.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void packetizerSendsThePacketUnchangedWithSequenceNumbersThatWrap() {
        OpusPacketizer packetizer = new OpusPacketizer(65535);
        byte[] data = {(byte) 0xFC, 7};
        RtpPayload a = packetizer.packetize(data, 960);
        RtpPayload b = packetizer.packetize(data, 1920);

        assertThat(a.toByteArray()).isEqualTo(data);
        assertThat(a.marker()).isFalse();
        assertThat(a.sequenceNumber()).isEqualTo(65535);
        assertThat(b.sequenceNumber()).isZero();
        assertThat(new OpusDepacketizer().depacketize(a).orElseThrow().durationMicros()).isEqualTo(20_000);
    }

    private static void assertMalformed(RtpPayload packet, DepacketizeMalformed reason) {
        assertThatThrownBy(() -> OpusToc.packetMicros(packet))
            .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
