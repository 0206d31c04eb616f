package dev.freshet.fragments.mkv;

import org.junit.jupiter.api.Test;

import static dev.freshet.fragments.mkv.Ebml.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementHeaderTest {

    @Test
    void decodesIdAndSize() {
        assertThat(ElementHeader.decode(hex("1a45dfa3 9f"), 0, 5)).isEqualTo(new ElementHeader(0x1A45DFA3, 31, 5));
        assertThat(ElementHeader.decode(hex("a3 4010"), 0, 3)).isEqualTo(new ElementHeader(0xA3, 16, 3));
    }

    @Test
    void decodesAnEightOctetSize() {
        ElementHeader h = ElementHeader.decode(hex("1f43b675 0100000000123456"), 0, 12);
        assertThat(h).isEqualTo(new ElementHeader(0x1F43B675, 0x123456, 12));
    }

    @Test
    void decodesUnknownSizes() {
        assertThat(ElementHeader.decode(hex("18538067 01ffffffffffffff"), 0, 12).unknownSize()).isTrue();
        assertThat(ElementHeader.decode(hex("1f43b675 ff"), 0, 5).unknownSize()).isTrue();
        assertThat(ElementHeader.decode(hex("1f43b675 7fff"), 0, 6).unknownSize()).isTrue();
    }

    @Test
    void asksForMoreOctetsUntilTheHeaderIsComplete() {
        byte[] b = hex("1f43b675 0100000000123456");
        for (int n = 0; n < 12; n++) {
            assertThat(ElementHeader.decode(b, 0, n)).as("%d octets", n).isNull();
        }
    }

    @Test
    void refusesReservedAndOverlongIds() {
        assertInvalid("ff 81");         // all-ones ID
        assertInvalid("80 81");         // all-zeros ID
        assertInvalid("4001 81");       // has a shorter encoding
        assertInvalid("0812345678 81"); // 5 octets: beyond EBMLMaxIDLength
        assertInvalid("00");            // no marker in the first octet
    }

    @Test
    void refusesASizeWiderThanEightOctets() {
        assertInvalid("a3 00");
    }

    private static void assertInvalid(String hex) {
        byte[] b = hex(hex);
        assertThatThrownBy(() -> ElementHeader.decode(b, 0, b.length)).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(MkvError.INVALID_MKV_DATA));
    }
}
