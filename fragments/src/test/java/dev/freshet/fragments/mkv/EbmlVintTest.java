package dev.freshet.fragments.mkv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.freshet.fragments.mkv.Ebml.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EbmlVintTest {

    @ParameterizedTest
    @CsvSource({"0x80,1", "0xFF,1", "0x40,2", "0x7F,2", "0x20,3", "0x10,4", "0x08,5", "0x04,6", "0x02,7",
        "0x01,8", "0x00,0"})
    void widthComesFromTheLeadingZeros(String octet, int width) {
        assertThat(EbmlVint.width(Integer.decode(octet))).isEqualTo(width);
    }

    @ParameterizedTest
    @CsvSource({
        "81, 1", "fe, 126", "407f, 127", "4000, 0", "7ffe, 16382", "200001, 1",
        "0100000000000001, 1", "01fffffffffffffe, 72057594037927934",
        // all VINT_DATA bits set: unknown size, at every width
        "ff, -1", "7fff, -1", "3fffff, -1", "1fffffff, -1", "01ffffffffffffff, -1"})
    void decodesDataSizes(String hex, long size) {
        byte[] b = hex(hex);
        assertThat(EbmlVint.decodeSize(b, 0, b.length)).isEqualTo(size);
    }

    @Test
    void unknownSizeIsAllDataBitsSetNotTheLargestNumber() {
        // a 1-octet size has VINT_DATA 0..0x7F, and 0x7F (octet 0xFF) is "unknown", so 127 takes 2 octets
        assertThat(EbmlVint.decodeSize(hex("ff"), 0, 1)).isEqualTo(EbmlVint.UNKNOWN_SIZE);
        assertThat(EbmlVint.decodeSize(hex("407f"), 0, 2)).isEqualTo(127);
        // 0x7F is the first octet of a 2-octet size, not an unknown 1-octet size
        assertThat(EbmlVint.width(0x7F)).isEqualTo(2);
        assertThat(EbmlVint.decodeSize(hex("7fff"), 0, 2)).isEqualTo(EbmlVint.UNKNOWN_SIZE);
        assertThat(EbmlVint.decodeSize(hex("7ffe"), 0, 2)).isEqualTo(0x3FFE);
    }

    @ParameterizedTest
    @CsvSource({"0,1,80", "126,1,fe", "127,2,407f", "16382,2,7ffe", "16383,3,203fff",
        "72057594037927934,8,01fffffffffffffe"})
    void writesSizesInTheFewestOctets(long size, int width, String hex) {
        byte[] out = new byte[8];
        assertThat(EbmlVint.sizeWidth(size)).isEqualTo(width);
        assertThat(EbmlVint.writeSize(out, 0, size, width)).isEqualTo(width);
        assertThat(Ebml.hex(java.util.Arrays.copyOf(out, width))).isEqualTo(hex);
    }

    @Test
    void writesAReservedWidthAndUnknownSizes() {
        byte[] out = new byte[8];
        EbmlVint.writeSize(out, 0, 5, 4);
        assertThat(Ebml.hex(java.util.Arrays.copyOf(out, 4))).isEqualTo("10000005");
        EbmlVint.writeUnknownSize(out, 0, 8);
        assertThat(Ebml.hex(out)).isEqualTo("01ffffffffffffff");
        EbmlVint.writeUnknownSize(out, 0, 1);
        assertThat(out[0]).isEqualTo((byte) 0xFF);
    }

    @Test
    void refusesSizesThatDoNotFit() {
        assertThatThrownBy(() -> EbmlVint.sizeWidth(EbmlVint.MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EbmlVint.writeSize(new byte[8], 0, 127, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0x80,1,false",        // VINT_DATA all zeros
        "0xFF,1,false",        // all ones: reserved
        "0x81,1,true",
        "0xA3,1,true",         // SimpleBlock
        "0x4001,2,false",      // 0x81 is shorter
        "0x407E,2,false",      // 0xFE is shorter
        "0x407F,2,true",       // 0xFF is reserved, so no shorter encoding exists
        "0x7FFF,2,false",
        "0x200001,3,false",
        "0x203FFF,3,true",
        "0x2AD7B1,3,true",     // TimestampScale
        "0x1A45DFA3,4,true",   // EBML
        "0x1FFFFFFF,4,false",
        "0x10000000,4,false",
        "0x101FFFFF,4,true"})
    void validatesElementIds(String id, int width, boolean valid) {
        assertThat(EbmlVint.isValidId(Long.decode(id), width)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"0xA3,1", "0x4286,2", "0x2AD7B1,3", "0x1A45DFA3,4"})
    void idWidthIsTheMarkerPosition(String id, int width) {
        assertThat(EbmlVint.idWidth(Long.decode(id))).isEqualTo(width);
    }

    @ParameterizedTest
    @CsvSource({"bf,0", "c0,1", "be,-1", "80,-63", "fe,63", "5fff,0", "6000,1", "4000,-8191", "7ffe,8191"})
    void decodesSignedVints(String hex, long value) {
        byte[] b = hex(hex);
        assertThat(EbmlVint.decodeSigned(b, 0, b.length)).isEqualTo(value);
    }
}
