package dev.freshet.fragments.codec;

import dev.freshet.fragments.testmedia.Vectors;
import org.junit.jupiter.api.Test;

import static dev.freshet.fragments.testmedia.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RbspReaderTest {

    @Test
    void exponentialGolombCodesOfTable9_2() {
        // 1 | 010 | 011 | 00100 | 00101 | 00110 | 00111 | 0001000 -> 0 1 2 3 4 5 6 7, then stop bit
        RbspReader in = RbspReader.of(bits("1 010 011 00100 00101 00110 00111 0001000 1"));
        for (int expected = 0; expected <= 7; expected++) {
            assertThat(in.readUe()).isEqualTo(expected);
        }
    }

    @Test
    void signedExponentialGolombMapsOddToPositive() {
        // codeNum 0 1 2 3 4 -> 0 1 -1 2 -2 (Table 9-3)
        RbspReader in = RbspReader.of(bits("1 010 011 00100 00101 1"));
        assertThat(new int[] {in.readSe(), in.readSe(), in.readSe(), in.readSe(), in.readSe()})
            .containsExactly(0, 1, -1, 2, -2);
    }

    @Test
    void emulationPreventionBytesAreNotPartOfTheRbsp() {
        RbspReader in = RbspReader.of(hex("0000030100000302"));
        assertThat(in.readBits(24)).isEqualTo(0x000001);
        assertThat(in.readBits(24)).isEqualTo(0x000002);
        assertThat(in.bitsRead()).isEqualTo(48);
    }

    @Test
    void aThreeAfterEscapedZerosIsData() {
        // 00 00 03 | 03: the second 03 follows an emulation-prevention byte, so it is payload
        RbspReader in = RbspReader.of(hex("00000303"));
        assertThat(in.readBits(24)).isEqualTo(0x000003);
    }

    @Test
    void moreRbspDataStopsAtTheStopBit() {
        RbspReader in = RbspReader.of(bits("101 1"));
        assertThat(in.moreRbspData()).isTrue();
        in.readBits(3);
        assertThat(in.moreRbspData()).isFalse();
    }

    @Test
    void moreRbspDataIgnoresTrailingZeroWords() {
        RbspReader in = RbspReader.of(hex("c0000003000003"));
        assertThat(in.readBit()).isEqualTo(1);
        assertThat(in.moreRbspData()).isFalse();
    }

    @Test
    void readingPastTheEndIsTruncated() {
        RbspReader in = RbspReader.of(hex("ff"));
        in.readBits(8);
        assertThatThrownBy(in::readBit).isInstanceOfSatisfying(CodecException.class,
            e -> assertThat(e.reason()).isEqualTo(CodecException.Reason.TRUNCATED));
    }

    @Test
    void overlongGolombCodeIsMalformed() {
        RbspReader in = RbspReader.of(hex("000000000001"));
        assertThatThrownBy(in::readUe).isInstanceOfSatisfying(CodecException.class,
            e -> assertThat(e.reason()).isEqualTo(CodecException.Reason.MALFORMED));
    }

    @Test
    void largestUeFitsALongButNotAnInt() {
        // 31 zeros, 1, 31 ones: 2^32 - 2
        RbspReader in = RbspReader.of(bits("0".repeat(31) + "1" + "1".repeat(31) + "1"));
        assertThatThrownBy(in::readUe).isInstanceOfSatisfying(CodecException.class,
            e -> assertThat(e.reason()).isEqualTo(CodecException.Reason.MALFORMED));
    }

    /** Bits written as 0/1 characters (spaces ignored), padded with zeros to whole bytes. */
    static byte[] bits(String text) {
        String bits = text.replace(" ", "");
        byte[] out = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            if (bits.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        return out;
    }
}
