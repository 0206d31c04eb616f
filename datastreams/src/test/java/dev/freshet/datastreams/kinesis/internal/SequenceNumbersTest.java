package dev.freshet.datastreams.kinesis.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceNumbersTest {

    @Test
    void looksLikeTheServicesNumbers() {
        String number = SequenceNumbers.format(1_700_000_000L, 0, 1, 1_700_000_005L);
        assertThat(number).matches("[1-9]\\d{55}");
    }

    @Property
    void roundTripsEveryField(@ForAll @LongRange(min = 0, max = 0xF_FFFF_FFFFL) long created,
                              @ForAll @IntRange(min = 0, max = 1_000_000) int index,
                              @ForAll @LongRange(min = 0) long n,
                              @ForAll @LongRange(min = 0, max = 0xF_FFFF_FFFFL) long arrival) {
        SequenceNumbers.Decoded decoded = SequenceNumbers.parse(SequenceNumbers.format(created, index, n, arrival)).orElseThrow();
        assertThat(decoded).isEqualTo(new SequenceNumbers.Decoded(created, n, arrival, index));
        assertThat(decoded.belongsTo(index, created)).isTrue();
    }

    @Property
    void increaseStrictlyWithinAShardWhateverTheArrivalTimes(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long n,
                                                             @ForAll @LongRange(min = 0, max = 0xF_FFFF_FFFFL) long a1,
                                                             @ForAll @LongRange(min = 0, max = 0xF_FFFF_FFFFL) long a2) {
        BigInteger first = new BigInteger(SequenceNumbers.format(1_700_000_000L, 3, n, a1));
        BigInteger second = new BigInteger(SequenceNumbers.format(1_700_000_000L, 3, n + 1, a2));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void rejectsNumbersItDidNotIssue() {
        assertThat(SequenceNumbers.parse("0")).isEmpty();
        assertThat(SequenceNumbers.parse("12345678901234567890")).isEmpty();
        assertThat(SequenceNumbers.parse("4959033827149025660855969253836157109592157598913658889")).isEmpty();
        assertThat(SequenceNumbers.parse("abc")).isEmpty();
        assertThat(SequenceNumbers.parse("9".repeat(200))).isEmpty();
    }
}
