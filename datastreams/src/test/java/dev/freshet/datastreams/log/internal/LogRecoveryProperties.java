package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ShardLog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random damage to a crashed log's files, of the kinds a crash or power loss can cause: a torn,
 * zeroed, garbled or over-long last segment (older segments were forced before the next one was
 * created), and any index file garbled or cut short. Whatever the damage, recovery yields a
 * gapless prefix of what was written, byte-exact, holding every record stored wholly before the
 * damage (all of them when only an index was hit), and the log accepts appends afterwards with the
 * next sequence.
 */
class LogRecoveryProperties {

    enum Damage { TRUNCATE, FLIP_BYTE, ZERO_RANGE, APPEND_GARBAGE, GARBLE_INDEX, CUT_INDEX }

    record Scenario(List<Integer> batchSizes, int recordBytes, Damage damage, double where, int segmentPick,
                    long seed) {
    }

    private Path root;

    @BeforeTry
    void makeRoot() throws IOException {
        root = Files.createTempDirectory("freshet-recovery");
    }

    @AfterTry
    void removeRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 100)
    void recoveryKeepsAnIntactPrefix(@ForAll("scenarios") Scenario scenario) throws IOException {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        List<AppendRecord> written = writeAndAbandon(scenario, clock);
        List<Path> segments = segmentFiles();
        long mustSurvive;
        if (scenario.damage() == Damage.GARBLE_INDEX || scenario.damage() == Damage.CUT_INDEX) {
            Path segment = segments.get(scenario.segmentPick() % segments.size());
            damageIndex(segment, scenario);
            mustSurvive = written.size();
        } else {
            Path victim = segments.get(segments.size() - 1);
            long damageAt = (long) (scenario.where() * Files.size(victim));
            mustSurvive = FileNames.baseOf(victim) + wholeFramesBefore(victim, damageAt);
            damage(victim, damageAt, scenario);
        }

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", LogFixture.config(4096));
            List<LogRecord> recovered = LogFixture.readAll(log);
            assertThat((long) recovered.size()).isGreaterThanOrEqualTo(Math.min(mustSurvive, written.size()));
            assertThat(recovered.size()).isLessThanOrEqualTo(written.size());
            for (int i = 0; i < recovered.size(); i++) {
                assertThat(recovered.get(i).sequence()).isEqualTo(i);
                assertThat(recovered.get(i).data()).isEqualTo(written.get(i).data());
                assertThat(recovered.get(i).partitionKey()).isEqualTo(written.get(i).partitionKey());
            }
            assertThat(log.append(List.of(LogFixture.record("k", "after"))).join().firstSequence())
                .isEqualTo(recovered.size());
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
            Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(30),
            Arbitraries.integers().between(0, 300),
            Arbitraries.of(Damage.class),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(0, 100),
            Arbitraries.longs()).as(Scenario::new);
    }

    private List<AppendRecord> writeAndAbandon(Scenario scenario, ManualClock clock) {
        FileLogEngine crashed = LogFixture.engine(root, clock);
        ShardLog log = crashed.open("s", LogFixture.config(4096));
        java.util.Random random = new java.util.Random(scenario.seed());
        List<AppendRecord> written = new ArrayList<>();
        for (int size : scenario.batchSizes()) {
            List<AppendRecord> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] data = new byte[random.nextInt(scenario.recordBytes() + 1)];
                random.nextBytes(data);
                batch.add(new AppendRecord("key" + random.nextInt(1000), data));
            }
            log.append(batch).join();
            written.addAll(batch);
            clock.advance(random.nextInt(3));
        }
        crashed.abandon();
        return written;
    }

    /** Number of whole frames that end at or before {@code position}. */
    private static long wholeFramesBefore(Path segment, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            FrameCursor cursor = new FrameCursor(channel, 0, channel.size(), 4096);
            long count = 0;
            while (cursor.next() != null && cursor.position() <= position) {
                count++;
            }
            return count;
        }
    }

    private static void damage(Path file, long at, Scenario scenario) throws IOException {
        switch (scenario.damage()) {
            case TRUNCATE -> LogRecoveryTest.truncate(file, at);
            case FLIP_BYTE -> {
                if (at < Files.size(file)) {
                    LogRecoveryTest.flipByte(file, at);
                }
            }
            case ZERO_RANGE -> writeAt(file, at, new byte[(int) Math.min(64, Math.max(0, Files.size(file) - at))]);
            case APPEND_GARBAGE -> {
                byte[] garbage = new byte[37];
                new java.util.Random(scenario.seed()).nextBytes(garbage);
                writeAt(file, Files.size(file), garbage);
            }
            default -> throw new IllegalArgumentException(scenario.damage().name());
        }
    }

    private static void damageIndex(Path segment, Scenario scenario) throws IOException {
        String base = segment.getFileName().toString().replace(FileNames.LOG, "");
        Path index = segment.resolveSibling(base + (scenario.seed() % 2 == 0 ? FileNames.INDEX : FileNames.TIME_INDEX));
        long at = (long) (scenario.where() * Files.size(index));
        if (scenario.damage() == Damage.CUT_INDEX) {
            LogRecoveryTest.truncate(index, at);
        } else {
            byte[] garbage = new byte[16];
            new java.util.Random(scenario.seed()).nextBytes(garbage);
            writeAt(index, at, garbage);
        }
    }

    private static void writeAt(Path file, long at, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), at);
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("s"))) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }
}
