package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfASingleRange() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
        assertThat(ByteRange.of("bytes=900-", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=990-5000", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=99999999999999999999999-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatIsNotOneValidRangeIsIgnored() {
        assertThat(ByteRange.of(null, 10)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=5-3", 10)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-1,4-5", 10)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("items=0-1", 10)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=-", 10)).isInstanceOf(ByteRange.Whole.class);
    }

    @Property
    void aSatisfiedRangeLiesInsideTheResource(@ForAll String header, @ForAll @LongRange(max = 1 << 20) long length) {
        ByteRange.Request request = ByteRange.of(header, length);
        if (request instanceof ByteRange.Part part) {
            assertThat(part.range().first()).isBetween(0L, length - 1);
            assertThat(part.range().last()).isBetween(part.range().first(), length - 1);
        }
    }

    @Property
    void wellFormedRangesAreServedOrUnsatisfiable(@ForAll @LongRange(max = 5000) long first,
                                                  @ForAll @LongRange(max = 5000) long last,
                                                  @ForAll @LongRange(max = 3000) long length) {
        ByteRange.Request request = ByteRange.of("bytes=" + Math.min(first, last) + "-" + Math.max(first, last), length);
        assertThat(request).isInstanceOf(Math.min(first, last) < length ? ByteRange.Part.class
            : ByteRange.Unsatisfiable.class);
    }
}
