package dev.freshet.fragments.mkv;

import dev.freshet.fragments.testmedia.ByteEdits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, in whatever chunks: the parser either reads it or raises {@link MkvException},
 * never another exception; it allocates in proportion to its input and finishes quickly; and the
 * chunking never changes what it reports.
 */
class MkvStreamParserProperties {

    static final MkvParserLimits LIMITS = new MkvParserLimits(1 << 20, 1 << 16, 3);
    static final long MAX_MILLIS = 2_000;

    enum Damage { FLIP_BIT, TRUNCATE, CORRUPT_SIZE, INSERT, DELETE, DUPLICATE }

    record Mutation(Damage damage, double where, int length, long seed) {
    }

    /** What a parse came to: every event, then the outcome. */
    record Outcome(List<String> events, String end) {
    }

    @Property(tries = 300)
    void randomBytesOnlyRaiseMkvException(@ForAll @Size(max = 3000) byte[] bytes,
                                          @ForAll @IntRange(max = 2) int prefix,
                                          @ForAll("chunkings") List<Integer> chunks) {
        byte[] stream = Ebml.cat(prefixes().get(prefix), bytes);
        assertBounded(stream, chunks);
    }

    @Property(tries = 400)
    void mutatedValidStreamsOnlyRaiseMkvException(@ForAll @IntRange(max = 3) int seed,
                                                  @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From("mutations") Mutation> mutations,
                                                  @ForAll("chunkings") List<Integer> chunks) {
        byte[] stream = Seeds.ALL.get(seed);
        for (Mutation m : mutations) {
            stream = apply(m, stream);
        }
        assertBounded(stream, chunks);
    }

    @Property(tries = 200)
    void chunkingNeverChangesTheEvents(@ForAll @IntRange(max = 3) int seed,
                                       @ForAll("chunkings") List<Integer> chunks) {
        byte[] stream = Seeds.ALL.get(seed);
        Outcome whole = parse(stream, List.of(stream.length));
        assertThat(whole.end()).isEqualTo("ok");
        assertThat(parse(stream, chunks)).isEqualTo(whole);
    }

    @Property(tries = 200)
    void chunkingNeverChangesTheOutcomeOfDamagedStreams(@ForAll @IntRange(max = 3) int seed,
                                                        @ForAll("mutations") Mutation mutation,
                                                        @ForAll("chunkings") List<Integer> chunks) {
        byte[] stream = apply(mutation, Seeds.ALL.get(seed));
        assertThat(parse(stream, chunks)).isEqualTo(parse(stream, List.of(Math.max(1, stream.length))));
    }

    @Provide
    Arbitrary<List<Integer>> chunkings() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 16)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(17, 5000)));
        return size.list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(Damage.class), Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(1, 64), Arbitraries.longs()).as(Mutation::new);
    }

    static List<byte[]> prefixes() {
        return List.of(new byte[0], MkvStreamParserTest.HEADER,
            Ebml.cat(MkvStreamParserTest.HEADER, Ebml.unknown(MkvIds.SEGMENT), Ebml.avTracks()));
    }

    static byte[] apply(Mutation m, byte[] in) {
        Random random = new Random(m.seed());
        int at = (int) (m.where() * in.length);
        return switch (m.damage()) {
            case FLIP_BIT -> flip(in, Math.min(at, in.length - 1), random.nextInt(8));
            case TRUNCATE -> Arrays.copyOf(in, at);
            case CORRUPT_SIZE -> corruptSize(in, at, random);
            case INSERT -> ByteEdits.splice(in, at, 0, randomBytes(random, m.length()));
            case DELETE -> ByteEdits.splice(in, at, Math.min(m.length(), in.length - at), new byte[0]);
            case DUPLICATE -> ByteEdits.splice(in, at, 0,
                Arrays.copyOfRange(in, at, Math.min(in.length, at + m.length() * 64)));
        };
    }

    /** Rewrites the size field of the first element header found at or after {@code from}. */
    static byte[] corruptSize(byte[] in, int from, Random random) {
        for (int i = from; i < in.length - 1; i++) {
            int idWidth = EbmlVint.width(in[i]);
            if (idWidth < 2 || idWidth > 4 || i + idWidth >= in.length) {
                continue;
            }
            int sizeWidth = EbmlVint.width(in[i + idWidth]);
            if (sizeWidth == 0 || i + idWidth + sizeWidth > in.length) {
                continue;
            }
            byte[] size = randomSize(random);
            return ByteEdits.splice(in, i + idWidth, sizeWidth, size);
        }
        return in;
    }

    private static byte[] randomSize(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[] {(byte) 0xFF};                                       // unknown
            case 1 -> new byte[] {0x01, 0, 0, 0, (byte) random.nextInt(256), 0, 0, 0}; // huge
            case 2 -> new byte[] {(byte) (0x80 | random.nextInt(128))};
            default -> new byte[] {0x10, (byte) random.nextInt(256), (byte) random.nextInt(256), 0};
        };
    }

    private static byte[] flip(byte[] in, int at, int bit) {
        byte[] out = in.clone();
        if (out.length > 0) {
            out[at] ^= (byte) (1 << bit);
        }
        return out;
    }


    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Parses with a listener that keeps nothing, checking the exception type, time and allocation. */
    static void assertBounded(byte[] stream, List<Integer> chunks) {
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        try {
            feed(new MkvStreamParser(new MkvStreamParser.Listener() { }, LIMITS), stream, chunks);
            Statistics.collect("read");
        } catch (MkvException expected) {
            Statistics.collect(expected.error());
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_MILLIS);
        assertThat(allocatedBytes() - allocatedBefore).isLessThan(2_000_000L + 16L * stream.length);
    }

    static Outcome parse(byte[] stream, List<Integer> chunks) {
        RecordingListener l = new RecordingListener();
        try {
            feed(new MkvStreamParser(l, LIMITS), stream, chunks);
            return new Outcome(l.events, "ok");
        } catch (MkvException e) {
            return new Outcome(l.events, e.error() + " " + e.reason());
        }
    }

    private static void feed(MkvStreamParser parser, byte[] stream, List<Integer> chunks) {
        int off = 0;
        for (int i = 0; off < stream.length; i++) {
            int n = Math.min(chunks.get(i % chunks.size()), stream.length - off);
            parser.feed(stream, off, n);
            off += n;
        }
        parser.finish();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
