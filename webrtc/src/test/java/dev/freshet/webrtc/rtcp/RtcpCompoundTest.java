package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtcpCompoundTest {

    // SR, RC=1: SSRC, NTP 0x83AA7E80.80000000 (1970 + 0.5 s), RTP ts, 10 packets, 1000 octets, one block
    static final String SR = "81 C8 000C 11223344 83AA7E80 80000000 00015F90 0000000A 000003E8"
            + "55667788 40 FFFFFE 0001FFFF 00000020 7E800000 00010000";
    // SDES, SC=1: CNAME "abc", null item, zeros to 32 bits
    static final String SDES = "81 CA 0003 11223344 01 03 616263 00 0000";

    private static List<RtcpPacket> decode(String hex) {
        byte[] b = Hex.bytes(hex);
        return RtcpCompound.decode(b, 0, b.length);
    }

    private static void assertRefused(String hex, RtcpMalformed reason) {
        assertThatThrownBy(() -> decode(hex))
                .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void readsASenderReportAndSdesCompound() {
        List<RtcpPacket> packets = decode(SR + SDES);
        assertThat(packets).hasSize(2);
        SenderReport sr = (SenderReport) packets.get(0);
        assertThat(sr.ssrc()).isEqualTo(0x11223344L);
        assertThat(sr.epochMicros()).isEqualTo(500_000);
        assertThat(sr.rtpTimestamp()).isEqualTo(90_000);
        assertThat(sr.packetCount()).isEqualTo(10);
        assertThat(sr.octetCount()).isEqualTo(1000);
        assertThat(sr.reports()).containsExactly(
                new ReportBlock(0x55667788L, 0x40, -2, 0x1FFFF, 32, 0x7E800000L, 65536));
        assertThat(((Sdes) packets.get(1)).chunks().get(0).cname()).isEqualTo("abc");
    }

    @Test
    void writesTheSameBytes() {
        List<RtcpPacket> packets = decode(SR + SDES);
        assertThat(Hex.of(RtcpCompound.encode(packets))).isEqualTo(Hex.of(Hex.bytes(SR + SDES)));
    }

    @Test
    void skipsUnknownTypesAndFormats() {
        String app = "80 CC 0002 11223344 6E616D65"; // APP 204
        String xr = "80 CF 0001 11223344"; // XR 207
        String afb = "8F CE 0003 00000001 00000000 41424344"; // application feedback "ABCD", not REMB
        String fmt9 = "89 CD 0002 00000001 00000002"; // transport feedback of an unknown format
        assertThat(decode(app + SDES + xr + afb + fmt9)).singleElement().isInstanceOf(Sdes.class);
    }

    @Test
    void readsAReceiverReportWithoutBlocksAndAByeWithAReason() {
        List<RtcpPacket> packets = decode("80 C9 0001 11223344" + "81 CB 0002 11223344 03 627965");
        assertThat(packets).containsExactly(new ReceiverReport(0x11223344L, List.of()),
                new Bye(List.of(0x11223344L), "bye"));
    }

    @Test
    void stripsPaddingBeforeReadingTheBody() {
        // RR with P: one SSRC, then 4 bytes of padding whose last byte counts them
        assertThat(decode("A0 C9 0002 11223344 00000004")).containsExactly(new ReceiverReport(0x11223344L, List.of()));
        assertThat(decode("A1 CB 0002 11223344 00000004" + "80 C9 0001 00000001")).hasSize(2);
    }

    @Test
    void refusesBadHeadersAndLengths() {
        assertRefused("", RtcpMalformed.TRUNCATED_HEADER);
        assertRefused(SDES + "80C9", RtcpMalformed.TRUNCATED_HEADER);
        assertRefused("40 C9 0001 11223344", RtcpMalformed.BAD_VERSION);
        assertRefused("80 C9 0002 11223344", RtcpMalformed.BAD_LENGTH);
        assertRefused("A0 C9 0001 11223300", RtcpMalformed.BAD_PADDING);
        assertRefused("A0 C9 0001 11223309", RtcpMalformed.BAD_PADDING);
        assertRefused("81 C9 0001 11223344", RtcpMalformed.TRUNCATED_BODY);
        assertRefused("81 CA 0002 11223344 01 03 6162", RtcpMalformed.TRUNCATED_BODY);
        assertRefused("81 CA 0002 11223344 01 02 6162", RtcpMalformed.BAD_SDES);
    }

    @Test
    void singlePacketDecodersWantExactlyTheirType() {
        byte[] rr = Hex.bytes("80 C9 0001 11223344");
        assertThatThrownBy(() -> SenderReport.decode(rr, 0, rr.length))
                .isInstanceOfSatisfying(MalformedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RtcpMalformed.UNEXPECTED_TYPE));
        byte[] twoRrs = Hex.bytes("80 C9 0001 11223344 80 C9 0001 11223344");
        assertThatThrownBy(() -> ReceiverReport.decode(twoRrs, 0, twoRrs.length))
                .isInstanceOfSatisfying(MalformedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RtcpMalformed.BAD_LENGTH));
        assertThat(ReceiverReport.decode(twoRrs, 8, 8).ssrc()).isEqualTo(0x11223344L);
    }

    @Test
    void writesSdesAndByePaddedToWords() {
        assertThat(Hex.of(Sdes.cname(0x11223344L, "abc").encode())).isEqualTo(Hex.of(Hex.bytes(SDES)));
        // "ab" fills the item's word exactly: a whole word of nulls must follow
        assertThat(Hex.of(Sdes.cname(1, "ab").encode())).isEqualTo("81ca00030000000101026162" + "00000000");
        assertThat(Hex.of(new Bye(List.of(1L, 2L), "").encode())).isEqualTo("82cb00020000000100000002");
    }

    @Test
    void textThatIsNotUtf8StaysWritable() {
        // 255 bytes of 0xFF: each becomes U+FFFD, three bytes in UTF-8, so the text is shortened
        String hex = "81 CA 0042 00000001 01 FF" + "FF".repeat(255) + "00 0000";
        Sdes sdes = (Sdes) decode(hex).get(0);
        String cname = sdes.chunks().get(0).cname();
        assertThat(cname).isEqualTo("\uFFFD".repeat(85));
        assertThat(Sdes.decode(sdes.encode(), 0, sdes.encodedSize())).isEqualTo(sdes);
    }

    @Test
    void ntpTimeConvertsBothEras() {
        assertThat(NtpTime.toEpochMicros(0x83AA7E80_00000000L)).isZero();
        // seconds 0 with the top bit clear belong to era 1: 2036-02-07T06:28:16Z
        assertThat(NtpTime.toEpochMicros(0)).isEqualTo(2_085_978_496_000_000L);
        assertThat(NtpTime.fromEpochMicros(1_700_000_000_123_456L)).satisfies(
                ntp -> assertThat(NtpTime.toEpochMicros(ntp)).isEqualTo(1_700_000_000_123_456L));
        assertThat(NtpTime.middle32(0x83AA7E80_80000000L)).isEqualTo(0x7E808000L);
    }
}
