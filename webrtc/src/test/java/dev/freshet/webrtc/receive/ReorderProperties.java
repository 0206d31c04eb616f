package dev.freshet.webrtc.receive;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.freshet.webrtc.receive.Released.payload;
import static org.assertj.core.api.Assertions.assertThat;

class ReorderProperties {

    @Property(tries = 300)
    void anyArrivalOrderWithCopiesIsReleasedInSequenceOrderWithoutDuplicates(
            @ForAll @IntRange(max = 65535) int first, @ForAll @IntRange(min = 1, max = 200) int count,
            @ForAll("seeds") long seed, @ForAll @IntRange(max = 300) int copies) {
        Random random = new Random(seed);
        List<Integer> arrivals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arrivals.add((first + i) & 0xFFFF);
        }
        for (int i = 0; i < copies; i++) {
            arrivals.add(arrivals.get(random.nextInt(count)));
        }
        Collections.shuffle(arrivals, random);
        ReorderBuffer buffer = new ReorderBuffer(100_000, 64);
        Released out = new Released();

        long micros = 0;
        for (int seq : arrivals) {
            buffer.push(payload(seq), micros, out);
            micros += random.nextInt(3000);
            buffer.tick(micros, out);
        }
        buffer.tick(micros + 100_000, out);

        List<Long> unwrapped = unwrap(first, out.sequenceNumbers);
        assertThat(unwrapped).isSorted().doesNotHaveDuplicates();
        assertThat(unwrapped).allSatisfy(index -> assertThat(index).isBetween(0L, count - 1L));
        // the first packet to arrive and every later one it was not forced to skip come out
        assertThat(out.sequenceNumbers).contains(arrivals.get(0));
        assertThat(buffer.heldCount()).isZero();
    }

    @Property(tries = 200)
    void whenTheFirstPacketArrivesFirstAndNothingTimesOutEveryPacketComesOutOnce(
            @ForAll @IntRange(max = 65535) int first, @ForAll @IntRange(min = 1, max = 64) int count,
            @ForAll("seeds") long seed, @ForAll @IntRange(max = 100) int copies) {
        Random random = new Random(seed);
        List<Integer> later = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            later.add((first + i) & 0xFFFF);
        }
        for (int i = 0; i < copies && count > 1; i++) {
            later.add(later.get(random.nextInt(count - 1)));
        }
        Collections.shuffle(later, random);
        ReorderBuffer buffer = new ReorderBuffer(100_000, 64);
        Released out = new Released();

        buffer.push(payload(first), 0, out);
        later.forEach(seq -> buffer.push(payload(seq), 0, out));

        assertThat(unwrap(first, out.sequenceNumbers)).containsExactlyElementsOf(
            java.util.stream.LongStream.range(0, count).boxed().toList());
        assertThat(out.events).noneMatch(event -> event.startsWith("gap"));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static List<Long> unwrap(int first, List<Integer> seqs) {
        return seqs.stream().map(seq -> (long) ((seq - first) & 0xFFFF)).toList();
    }
}
