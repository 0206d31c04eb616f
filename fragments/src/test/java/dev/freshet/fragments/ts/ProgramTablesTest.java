package dev.freshet.fragments.ts;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramTablesTest {

    @Test
    void patIsTheOneFfmpegWritesForTheSameProgram() {
        // ffmpeg's mpegts muxer: transport_stream_id 1, service 1, PMT on 0x1000 — the same bytes
        assertThat(HexFormat.of().formatHex(ProgramTables.pat())).isEqualTo("00b00d0001c100000001f0002ab104b2");
    }

    @Test
    void pmtListsStreamTypesAndPcrPid() {
        Track h264 = Track.video(1, Codec.H264, new byte[0], 320, 240);
        Track aac = Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 44_100, 2);
        byte[] pmt = ProgramTables.pmt(List.of(ElementaryStream.of(h264, 0x100), ElementaryStream.of(aac, 0x101)), 0x100);
        assertThat(HexFormat.of().formatHex(pmt, 0, pmt.length - 4))
            .isEqualTo("02b0170001c10000e100f000" + "1be100f000" + "0fe101f000");
        int crc = Crc32Mpeg2.compute(pmt, 0, pmt.length - 4);
        assertThat(HexFormat.of().formatHex(pmt, pmt.length - 4, pmt.length)).isEqualTo(String.format("%08x", crc));
        assertThat(Crc32Mpeg2.compute(pmt, 0, pmt.length)).as("CRC over a section with its CRC").isZero();
    }

    @Test
    void continuityCountersWrapAtSixteenPerPid() {
        TsSession session = new TsSession();
        for (int i = 0; i < 40; i++) {
            assertThat(session.nextContinuityCounter(0x100)).isEqualTo(i % 16);
        }
        assertThat(session.nextContinuityCounter(0x101)).isZero();
    }
}
