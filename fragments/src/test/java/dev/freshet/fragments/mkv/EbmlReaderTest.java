package dev.freshet.fragments.mkv;

import org.junit.jupiter.api.Test;

import static dev.freshet.fragments.mkv.Ebml.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EbmlReaderTest {

    @Test
    void readsTypedValues() {
        EbmlReader r = reader("0102 ff fe 40490fdb 400921fb54442d18 6d6b7600 00 01020304 0000000000000001");
        assertThat(r.readUnsigned(2)).isEqualTo(0x0102);
        assertThat(r.readSigned(1)).isEqualTo(-1);
        assertThat(r.readSigned(1)).isEqualTo(-2);
        assertThat(r.readFloat(4)).isEqualTo((double) (float) Math.PI);
        assertThat(r.readFloat(8)).isEqualTo(Math.PI);
        assertThat(r.readString(5)).isEqualTo("mkv");
        assertThat(r.readBinary(4)).containsExactly(1, 2, 3, 4);
        assertThat(r.readUnsigned(8)).isEqualTo(1);
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void zeroLengthValuesAreTheirDefaults() {
        EbmlReader r = reader("");
        assertThat(r.readUnsigned(0)).isZero();
        assertThat(r.readSigned(0)).isZero();
        assertThat(r.readFloat(0)).isZero();
        assertThat(r.readString(0)).isEmpty();
    }

    @Test
    void readsAnEightOctetSignedInteger() {
        assertThat(reader("8000000000000000").readSigned(8)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void refusesWrongWidthsAndOverruns() {
        assertInvalid(() -> reader("000000").readFloat(3));
        assertInvalid(() -> reader("000000000000000000").readUnsigned(9));
        assertInvalid(() -> reader("0102").readBinary(3));
        assertInvalid(() -> reader("a3 85 0102").readHeader());       // size overruns the data
        assertInvalid(() -> reader("a3 ff 0102").readHeader());       // unknown size inside sized data
        assertInvalid(() -> reader("1a45").readHeader());             // cut short
    }

    @Test
    void readsBlockVints() {
        EbmlReader r = reader("81 4123 bf c0");
        assertThat(r.readVint()).isEqualTo(1);
        assertThat(r.readVint()).isEqualTo(0x123);
        assertThat(r.readSignedVint()).isZero();
        assertThat(r.readSignedVint()).isEqualTo(1);
        assertInvalid(() -> reader("ff").readVint());
        assertInvalid(() -> reader("40").readVint());
    }

    private static EbmlReader reader(String hex) {
        byte[] b = hex(hex);
        return new EbmlReader(b, 0, b.length);
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(MkvError.INVALID_MKV_DATA));
    }
}
