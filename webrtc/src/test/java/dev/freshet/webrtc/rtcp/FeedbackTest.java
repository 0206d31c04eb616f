package dev.freshet.webrtc.rtcp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackTest {

    private static RtcpPacket only(String hex) {
        byte[] b = Hex.bytes(hex);
        return RtcpCompound.decode(b, 0, b.length).get(0);
    }

    @Test
    void nackBitmaskNamesTheFollowingSequenceNumbers() {
        // PID 1, BLP 0b0000_0000_0000_0101: 1, 2 and 4 are lost; PID 65535 with bit 0: 65535 and 0
        GenericNack nack = (GenericNack) only("81 CD 0004 00000001 00000002 0001 0005 FFFF 0001");
        assertThat(nack.lost()).containsExactly(1, 2, 4, 65535, 0);
    }

    @Test
    void nackCompressesAcrossTheWrap() {
        GenericNack nack = new GenericNack(1, 2, List.of(65534, 65535, 0, 5, 40));
        assertThat(Hex.of(nack.encode())).isEqualTo("81cd0004" + "00000001" + "00000002" + "fffe0043" + "00280000");
    }

    @Test
    void nackOfAWholeSweepDecodesToTheSameList() {
        List<Integer> lost = new ArrayList<>();
        for (int i = 65000; i < 65536 + 700; i += 3) {
            lost.add(i & 0xFFFF);
        }
        GenericNack nack = new GenericNack(1, 2, lost);
        byte[] b = nack.encode();
        assertThat(GenericNack.decode(b, 0, b.length)).isEqualTo(nack);
        assertThat(b.length).isLessThan(4 * lost.size());
    }

    @Test
    void readsAndWritesPli() {
        String pli = "81ce0002" + "00000001" + "0000abcd";
        assertThat(only(pli)).isEqualTo(new PictureLossIndication(1, 0xABCD));
        assertThat(Hex.of(new PictureLossIndication(1, 0xABCD).encode())).isEqualTo(pli);
    }

    @Test
    void readsAndWritesFirWithItsSequenceNumber() {
        String fir = "84ce0004" + "00000001" + "00000000" + "0000abcd" + "07000000";
        FullIntraRequest parsed = (FullIntraRequest) only(fir);
        assertThat(parsed.entries()).containsExactly(new FullIntraRequest.Entry(0xABCD, 7));
        assertThat(Hex.of(parsed.encode())).isEqualTo(fir);
    }

    @Test
    void rembCarriesAnExponentAndMantissa() {
        // 1,000,000 bit/s = 250,000 (0x3D090) * 2^2; one SSRC
        String remb = "8fce0005" + "00000001" + "00000000" + "52454d42" + "01" + "0bd090" + "0000abcd";
        assertThat(only(remb)).isEqualTo(new Remb(1, 1_000_000, List.of(0xABCDL)));
        assertThat(Hex.of(new Remb(1, 1_000_003, List.of(0xABCDL)).encode())).isEqualTo(remb);
    }

    @Test
    void rembBeyondALongSaturates() {
        String remb = "8fce0004" + "00000001" + "00000000" + "52454d42" + "00" + "ffffff";
        assertThat(((Remb) only(remb)).bitrate()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void transportCcWritesATwoBitVectorForMixedSymbols() {
        List<Integer> deltas = List.of(4, TransportCc.NOT_RECEIVED, 300, 1);
        TransportCc cc = new TransportCc(1, 2, 10, -1, 9, deltas);
        String expected = "8fcd0006" + "00000001" + "00000002" + "000a" + "0004" + "ffffff" + "09"
                + "d240" + "04" + "012c" + "01" + "0000";
        assertThat(Hex.of(cc.encode())).isEqualTo(expected);
        assertThat(only(expected)).isEqualTo(cc);
    }

    @Test
    void transportCcReadsRunLengthAndOneBitVectorChunks() {
        // run of 20 "small delta" symbols, then a 1-bit vector: received, lost, received (11 unused)
        StringBuilder hex = new StringBuilder("000000010000000200000017000000002014a000");
        for (int i = 0; i < 22; i++) {
            hex.append("02");
        }
        String body = hex + "00".repeat((4 - (4 + hex.length() / 2) % 4) % 4);
        String packet = String.format("8fcd%04x", (4 + body.length() / 2) / 4 - 1) + body;
        TransportCc cc = (TransportCc) only(packet);
        assertThat(cc.deltas()).hasSize(23).containsOnly(2, TransportCc.NOT_RECEIVED);
        assertThat(cc.deltas().get(21)).isEqualTo(TransportCc.NOT_RECEIVED);
        assertThat(TransportCc.decode(cc.encode(), 0, cc.encodedSize())).isEqualTo(cc);
    }

    @Test
    void transportCcFromArrivalsDoesNotAccumulateRounding() {
        long[] arrivals = new long[200];
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = i % 10 == 3 ? -1 : 1_000_000 + i * 333L;
        }
        TransportCc cc = TransportCc.ofArrivals(1, 2, 65530, 0, arrivals);
        long time = (long) cc.referenceTime() * TransportCc.REFERENCE_MICROS;
        for (int i = 0; i < arrivals.length; i++) {
            int delta = cc.deltas().get(i);
            if (delta != TransportCc.NOT_RECEIVED) {
                time += (long) delta * TransportCc.DELTA_MICROS;
                assertThat(arrivals[i] - time).isBetween(0L, 249L);
            }
        }
    }
}
