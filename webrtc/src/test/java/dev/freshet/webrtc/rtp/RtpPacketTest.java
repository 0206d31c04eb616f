package dev.freshet.webrtc.rtp;

import dev.freshet.webrtc.MalformedInputException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtpPacketTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void assertRefused(String bytes, RtpMalformed reason) {
        byte[] b = hex(bytes);
        assertThatThrownBy(() -> RtpPacket.decode(b, 0, b.length))
                .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void readsTheFixedHeaderOfRfc3550() {
        // V=2 P=0 X=0 CC=0 | M=1 PT=96 | seq 0x1234 | ts 0xDEADBEEF | SSRC 0x01020304 | payload
        byte[] b = hex("80 E0 1234 DEADBEEF 01020304 AABBCC");
        RtpPacket p = RtpPacket.decode(b, 0, b.length);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.sequenceNumber()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(0xDEADBEEFL);
        assertThat(p.ssrc()).isEqualTo(0x01020304L);
        assertThat(p.payloadOffset()).isEqualTo(12);
        assertThat(p.payloadLength()).isEqualTo(3);
        assertThat(p.hasExtension()).isFalse();
    }

    @Test
    void readsCsrcsOneByteExtensionsAndStripsPadding() {
        // CC=2, X, P; extension 0xBEDE of 2 words: id 1 len 1, id 2 len 3, two padding bytes
        byte[] b = hex("B2 6F FFFF 00000001 00000002 0000000A 0000000B"
                + "BEDE 0002 10 AA 22 BBCCDD 00 00" + "0102" + "000003");
        RtpPacket p = RtpPacket.decode(b, 0, b.length);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(1)).isEqualTo(0x0BL);
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.extension(1).value()).containsExactly(0xAA);
        assertThat(p.extension(2).value()).containsExactly(0xBB, 0xCC, 0xDD);
        assertThat(p.extension(3)).isNull();
        assertThat(p.payloadLength()).isEqualTo(2);
        assertThat(p.paddingLength()).isEqualTo(3);
    }

    @Test
    void oneByteFormStopsAtIdFifteen() {
        byte[] b = hex("90 60 0001 00000000 00000000 BEDE 0001 10 AA F0 21");
        assertThat(RtpPacket.decode(b, 0, b.length).extensions()).containsExactly(
                HeaderExtension.of(1, new byte[] {(byte) 0xAA}));
    }

    @Test
    void oneByteFormStopsAtIdZeroWithALength() {
        // 0x0E: id 0 (padding only) claiming 15 bytes; found by RtpProperties
        byte[] b = hex("90 60 0001 00000000 00000000 BEDE 0001 10 AA 0E 21");
        assertThat(RtpPacket.decode(b, 0, b.length).extensions()).containsExactly(
                HeaderExtension.of(1, new byte[] {(byte) 0xAA}));
    }

    @Test
    void readsTheTwoByteForm() {
        // profile 0x1000 with appbits 0; id 1 len 0, pad, id 200 len 3
        byte[] b = hex("90 60 0001 00000000 00000000 1000 0002 0100 00 C8 03 010203");
        RtpPacket p = RtpPacket.decode(b, 0, b.length);
        assertThat(p.extension(1).length()).isZero();
        assertThat(p.extension(200).value()).containsExactly(1, 2, 3);
        assertThat(p.payloadLength()).isZero();
    }

    @Test
    void otherExtensionProfilesAreOpaque() {
        byte[] b = hex("90 60 0001 00000000 00000000 ABCD 0001 FFFFFFFF 77");
        RtpPacket p = RtpPacket.decode(b, 0, b.length);
        assertThat(p.extensions()).isEmpty();
        assertThat(p.payloadOffset()).isEqualTo(20);
    }

    @Test
    void viewsAnOffsetInsideALargerArray() {
        byte[] b = hex("FFFF 80 00 0007 00000009 0000000A 11 FFFF");
        RtpPacket p = RtpPacket.decode(b, 2, 13);
        assertThat(p.sequenceNumber()).isEqualTo(7);
        assertThat(p.payloadOffset()).isEqualTo(14);
        assertThat(p.payloadLength()).isEqualTo(1);
    }

    @Test
    void refusesMalformedPackets() {
        assertRefused("80 60 0001 00000000 000000", RtpMalformed.TRUNCATED_HEADER);
        assertRefused("40 60 0001 00000000 00000000", RtpMalformed.BAD_VERSION);
        assertRefused("81 60 0001 00000000 00000000", RtpMalformed.TRUNCATED_CSRC);
        assertRefused("90 60 0001 00000000 00000000 BEDE", RtpMalformed.TRUNCATED_EXTENSION);
        assertRefused("90 60 0001 00000000 00000000 BEDE 0002 00000000", RtpMalformed.TRUNCATED_EXTENSION);
        assertRefused("90 60 0001 00000000 00000000 BEDE 0001 00 00 13 AA", RtpMalformed.TRUNCATED_EXTENSION_ELEMENT);
        assertRefused("90 60 0001 00000000 00000000 1000 0001 00 00 00 01", RtpMalformed.TRUNCATED_EXTENSION_ELEMENT);
        assertRefused("A0 60 0001 00000000 00000000 AA 00", RtpMalformed.BAD_PADDING);
        assertRefused("A0 60 0001 00000000 00000000 AA 03", RtpMalformed.BAD_PADDING);
    }

    @Test
    void paddingMayTakeTheWholePayload() {
        byte[] b = hex("A0 60 0001 00000000 00000000 0000 03");
        assertThat(RtpPacket.decode(b, 0, b.length).payloadLength()).isZero();
    }

    @Test
    void writesTheOneByteFormWhenEveryElementFitsIt() {
        OutgoingRtpPacket p = new OutgoingRtpPacket(true, 111, 65535, 0xFFFFFFFFL, 0x11223344L, List.of(7L),
                List.of(HeaderExtension.of(3, hex("0A0B"))), hex("CAFE"), 4);
        assertThat(HexFormat.of().formatHex(p.encode())).isEqualTo(
                "b1efffffffffffff11223344" + "00000007" + "bede0001" + "310a0b00" + "cafe" + "00000004");
    }

    @Test
    void writesTheTwoByteFormForAnEmptyElementOrALargeId() {
        OutgoingRtpPacket p = new OutgoingRtpPacket(false, 96, 1, 2, 3, List.of(),
                List.of(HeaderExtension.of(1, new byte[0]), HeaderExtension.of(20, hex("EE"))), new byte[0], 0);
        assertThat(HexFormat.of().formatHex(p.encode())).isEqualTo(
                "906000010000000200000003" + "10000002" + "0100" + "1401ee00" + "0000");
        byte[] b = p.encode();
        assertThat(RtpPacket.decode(b, 0, b.length).toOutgoing()).isEqualTo(p);
    }

    @Test
    void refusesFieldsOutOfRangeWhenBuilding() {
        assertThatThrownBy(() -> OutgoingRtpPacket.of(false, 128, 0, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingRtpPacket.of(false, 0, 65536, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderExtension.of(256, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
