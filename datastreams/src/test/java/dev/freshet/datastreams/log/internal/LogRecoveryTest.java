package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ShardLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static dev.freshet.datastreams.log.internal.LogFixture.append;
import static dev.freshet.datastreams.log.internal.LogFixture.batch;
import static dev.freshet.datastreams.log.internal.LogFixture.config;
import static dev.freshet.datastreams.log.internal.LogFixture.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recovery after clean closes, crashes (the engine is abandoned without closing, as after
 * {@code kill -9}), torn tails, garbage and damaged indexes.
 */
class LogRecoveryTest {

    @TempDir
    Path root;
    ManualClock clock = new ManualClock(1_700_000_000_000L);

    @Test
    void cleanCloseThenReopenKeepsEverythingAndContinuesNumbering() {
        long t0 = clock.millis();
        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(2048));
            for (int i = 0; i < 30; i++) {
                append(log, batch("c" + i, 4));
                clock.advance(100);
            }
        }
        assertThat(Files.exists(root.resolve("s").resolve(FileNames.CLEAN_SHUTDOWN))).isTrue();

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(2048));
            assertThat(readAll(log)).hasSize(120);
            assertThat(log.sequenceAtTimestamp(t0 + 1500)).isEqualTo(60);
            assertThat(append(log, batch("more", 1)).firstSequence()).isEqualTo(120);
        }
    }

    @Test
    void crashWithoutCloseLosesNothingThatWasAcknowledged() {
        FileLogEngine crashed = LogFixture.engine(root, clock);
        ShardLog log = crashed.open("s", config(4096));
        for (int i = 0; i < 25; i++) {
            append(log, batch("k" + i, 7));
        }
        crashed.abandon();

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            List<LogRecord> all = readAll(engine.open("s", config(4096)));
            assertThat(all).hasSize(175);
            assertThat(all.get(174).sequence()).isEqualTo(174);
            assertThat(LogFixture.text(all.get(174))).isEqualTo("k24-6");
        }
    }

    @Test
    void tornTailIsTruncatedAtTheLastWholeRecord() throws IOException {
        writeAndAbandon(10, 3, 1 << 20);
        Path segment = lastSegment();
        long size = Files.size(segment);
        truncate(segment, size - 5);

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(1 << 20));
            List<LogRecord> all = readAll(log);
            assertThat(all).hasSize(29);
            assertThat(Files.size(segment)).isLessThan(size - 5);
            assertThat(append(log, batch("next", 1)).firstSequence()).isEqualTo(29);
            assertThat(readAll(log)).hasSize(30);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsRemoved() throws IOException {
        writeAndAbandon(4, 5, 1 << 20);
        Path segment = lastSegment();
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6, 7}), size);
        }

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            assertThat(readAll(engine.open("s", config(1 << 20)))).hasSize(20);
            assertThat(Files.size(segment)).isEqualTo(size);
        }
    }

    @Test
    void damagedOrMissingIndexesAreRebuilt() throws IOException {
        writeAndAbandon(40, 5, 4096);
        try (Stream<Path> files = Files.list(root.resolve("s"))) {
            List<Path> indexes = files.filter(p -> p.toString().endsWith(".index") || p.toString().endsWith(".timeindex")).toList();
            Files.delete(indexes.get(0));
            Files.write(indexes.get(1), new byte[] {9, 9, 9});
            Files.write(indexes.get(indexes.size() - 1), new byte[24]);
        }

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(4096));
            assertThat(readAll(log)).hasSize(200);
            for (long s : new long[] {0, 17, 99, 150, 199}) {
                assertThat(log.read(s, 1, 1 << 20).records().get(0).sequence()).isEqualTo(s);
            }
        }
    }

    @Test
    void corruptionInTheLastSegmentKeepsTheValidPrefixOnly() throws IOException {
        writeAndAbandon(150, 5, 4096);
        Path victim = lastSegment();
        long victimBase = FileNames.baseOf(victim);
        flipByte(victim, 100);

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(4096));
            List<LogRecord> all = readAll(log);
            assertThat(all.size()).isGreaterThanOrEqualTo((int) victimBase).isLessThan(750);
            assertThat(all).extracting(LogRecord::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, all.size()).boxed().toList());
            assertThat(append(log, batch("x", 1)).firstSequence()).isEqualTo(all.size());
        }
    }

    @Test
    void bitRotInAFlushedSegmentIsReportedByTheReadThatMeetsIt() throws IOException {
        writeAndAbandon(150, 5, 4096);
        List<Path> segments = segmentFiles();
        Path victim = segments.get(1);
        long victimBase = FileNames.baseOf(victim);
        long nextBase = FileNames.baseOf(segments.get(2));
        flipByte(victim, 100);

        try (FileLogEngine engine = LogFixture.engine(root, clock)) {
            ShardLog log = engine.open("s", config(4096));
            assertThat(log.read(0, (int) victimBase, 1 << 20).records()).hasSize((int) victimBase);
            assertThatThrownBy(() -> log.read(victimBase, 10_000, 1 << 24))
                .isInstanceOf(LogException.class).hasMessageContaining("corrupt record");
            assertThat(log.read(nextBase, 1, 1 << 20).records().get(0).sequence()).isEqualTo(nextBase);
            assertThat(log.endSequence()).isEqualTo(750);
        }
    }

    private void writeAndAbandon(int batches, int perBatch, long segmentBytes) {
        FileLogEngine crashed = LogFixture.engine(root, clock);
        ShardLog log = crashed.open("s", config(segmentBytes));
        for (int i = 0; i < batches; i++) {
            append(log, batch("b" + i, perBatch));
        }
        crashed.abandon();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("s"))) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
    }

    private Path lastSegment() throws IOException {
        List<Path> segments = segmentFiles();
        return segments.get(segments.size() - 1);
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
    }
}
