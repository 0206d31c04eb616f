package dev.freshet.datastreams.kinesis.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceNumberRunTest {

    @Property
    void runsOfConsecutiveNumbersMatchTheFullConversion(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1000) long first,
                                                        @ForAll @IntRange(min = 1, max = 300) int count,
                                                        @ForAll @IntRange(min = 0, max = 4) int secondChanges,
                                                        @ForAll @IntRange(min = 0, max = 1 << 20) int index) {
        SequenceNumberRun run = new SequenceNumberRun(1_700_000_000L, index);
        long arrival = 1_800_000_000L;
        for (int i = 0; i < count; i++) {
            if (secondChanges > 0 && i % (count / secondChanges + 1) == 0) {
                arrival++;
            }
            assertThat(run.format(first + i, arrival))
                .isEqualTo(SequenceNumbers.format(1_700_000_000L, index, first + i, arrival));
        }
    }

    @Property
    void jumpsAndRepeatsFallBackToTheFullConversion(@ForAll @LongRange(min = 0, max = 1_000_000) long a,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000) long b) {
        SequenceNumberRun run = new SequenceNumberRun(1_700_000_000L, 3);
        run.format(a, 1_800_000_000L);
        assertThat(run.format(b, 1_800_000_000L)).isEqualTo(SequenceNumbers.format(1_700_000_000L, 3, b, 1_800_000_000L));
    }
}
