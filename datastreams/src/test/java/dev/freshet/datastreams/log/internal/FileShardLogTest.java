package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.SealedLogException;
import dev.freshet.datastreams.log.ShardLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.freshet.datastreams.log.internal.LogFixture.append;
import static dev.freshet.datastreams.log.internal.LogFixture.batch;
import static dev.freshet.datastreams.log.internal.LogFixture.config;
import static dev.freshet.datastreams.log.internal.LogFixture.readAll;
import static dev.freshet.datastreams.log.internal.LogFixture.record;
import static dev.freshet.datastreams.log.internal.LogFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileShardLogTest {

    @TempDir
    Path root;
    ManualClock clock = new ManualClock(1_700_000_000_000L);
    FileLogEngine engine;

    @BeforeEach
    void open() {
        engine = LogFixture.engine(root, clock);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void appendedRecordsReadBackInOrderWithGaplessSequences() {
        ShardLog log = engine.open("s1", config(1 << 20));
        AppendResult first = append(log, batch("a", 3));
        clock.advance(5);
        AppendResult second = append(log, batch("b", 2));

        assertThat(first.firstSequence()).isZero();
        assertThat(second.firstSequence()).isEqualTo(3);
        assertThat(second.timestamp()).isEqualTo(first.timestamp() + 5);
        ReadResult read = log.read(0, 100, 1 << 20);
        assertThat(read.records()).extracting(LogRecord::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(read.records()).extracting(LogFixture::text).containsExactly("a-0", "a-1", "a-2", "b-0", "b-1");
        assertThat(read.records().get(1).partitionKey()).isEqualTo("key-1");
        assertThat(read.nextSequence()).isEqualTo(5);
        assertThat(read.caughtUp()).isTrue();
        assertThat(log.endSequence()).isEqualTo(5);
        assertThat(log.lastTimestamp()).isEqualTo(second.timestamp());
    }

    @Test
    void readHonoursRecordAndByteLimitsButAlwaysReturnsOneRecord() {
        ShardLog log = engine.open("s1", config(1 << 20));
        append(log, List.of(record("k", "x".repeat(1000)), record("k", "y".repeat(1000)), record("k", "z")));

        assertThat(log.read(0, 2, 1 << 20).records()).hasSize(2);
        ReadResult bytesLimited = log.read(0, 100, 1500);
        assertThat(bytesLimited.records()).hasSize(1);
        assertThat(bytesLimited.nextSequence()).isEqualTo(1);
        assertThat(bytesLimited.caughtUp()).isFalse();
        assertThat(log.read(0, 100, 10).records()).hasSize(1);
        assertThat(log.read(3, 100, 10).records()).isEmpty();
    }

    @Test
    void binaryAndEmptyPayloadsSurviveByteForByte() {
        ShardLog log = engine.open("s1", config(1 << 20));
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        append(log, List.of(new AppendRecord("ключ", binary), new AppendRecord("k", new byte[0])));

        List<LogRecord> records = log.read(0, 10, 1 << 20).records();
        assertThat(records.get(0).data()).isEqualTo(binary);
        assertThat(records.get(0).partitionKey()).isEqualTo("ключ");
        assertThat(records.get(1).data()).isEmpty();
    }

    @Test
    void rollsSegmentsBySizeAndReadsAcrossThem() throws Exception {
        ShardLog log = engine.open("s1", config(4096));
        for (int i = 0; i < 50; i++) {
            append(log, batch("r" + i, 10));
        }

        assertThat(segmentFiles("s1")).hasSizeGreaterThan(5);
        List<LogRecord> all = readAll(log);
        assertThat(all).hasSize(500);
        assertThat(all).extracting(LogRecord::sequence).isSorted().doesNotHaveDuplicates();
        ReadResult middle = log.read(333, 5, 1 << 20);
        assertThat(middle.records()).extracting(LogFixture::text).containsExactly("r33-3", "r33-4", "r33-5", "r33-6", "r33-7");
    }

    @Test
    void rollsSegmentsByAge() throws Exception {
        var settings = new dev.freshet.datastreams.log.LogConfig(1 << 20, java.time.Duration.ofMinutes(10),
            LogFixture.DAY, 256, dev.freshet.datastreams.log.Durability.OS);
        ShardLog log = engine.open("s1", settings);
        append(log, batch("a", 2));
        clock.advance(java.time.Duration.ofMinutes(11).toMillis());
        append(log, batch("b", 2));

        assertThat(segmentFiles("s1")).hasSize(2);
        assertThat(readAll(log)).hasSize(4);
    }

    @Test
    void positionsByTimestamp() {
        ShardLog log = engine.open("s1", config(2048));
        long t0 = clock.millis();
        for (int i = 0; i < 100; i++) {
            append(log, batch("t" + i, 3));
            clock.advance(10);
        }

        assertThat(log.sequenceAtTimestamp(t0 - 1000)).isZero();
        assertThat(log.sequenceAtTimestamp(t0)).isZero();
        assertThat(log.sequenceAtTimestamp(t0 + 1)).isEqualTo(3);
        assertThat(log.sequenceAtTimestamp(t0 + 500)).isEqualTo(150);
        assertThat(log.sequenceAtTimestamp(t0 + 505)).isEqualTo(153);
        assertThat(log.sequenceAtTimestamp(t0 + 990)).isEqualTo(297);
        assertThat(log.sequenceAtTimestamp(t0 + 991)).isEqualTo(300).isEqualTo(log.endSequence());
        assertThat(log.timestampOf(150)).isEqualTo(t0 + 500);
        assertThat(log.timestampOf(300)).isEqualTo(-1);
    }

    @Test
    void retentionHidesThenDeletesWholeExpiredSegments() throws Exception {
        ShardLog log = engine.open("s1", config(2048));
        for (int i = 0; i < 40; i++) {
            append(log, batch("old" + i, 5));
        }
        clock.advance(LogFixture.DAY.toMillis() - 1000);
        append(log, batch("new", 5));
        int segmentsBefore = segmentFiles("s1").size();
        clock.advance(2000);

        assertThat(log.startSequence()).isEqualTo(200);
        assertThat(log.read(0, 1000, 1 << 20).records()).extracting(LogFixture::text)
            .containsExactly("new-0", "new-1", "new-2", "new-3", "new-4");
        engine.enforceRetention();
        assertThat(segmentFiles("s1")).hasSizeLessThan(segmentsBefore);
        assertThat(readAll(log)).hasSize(5);

        clock.advance(LogFixture.DAY.toMillis());
        engine.enforceRetention();
        assertThat(segmentFiles("s1")).hasSize(1);
        assertThat(log.startSequence()).isEqualTo(205).isEqualTo(log.endSequence());
        assertThat(append(log, batch("after", 1)).firstSequence()).isEqualTo(205);
    }

    @Test
    void concurrentAppendersGetDistinctGaplessSequencesAndKeepTheirOwnOrder() throws Exception {
        ShardLog log = engine.open("s1", config(64 * 1024));
        int threads = 8;
        int batches = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<List<AppendResult>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "w" + t;
            results.add(CompletableFuture.supplyAsync(() -> {
                List<AppendResult> mine = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    mine.add(append(log, List.of(record(writer, writer + ":" + (2 * b)), record(writer, writer + ":" + (2 * b + 1)))));
                }
                return mine;
            }, pool));
        }
        List<Long> sequences = new ArrayList<>();
        for (var future : results) {
            for (AppendResult result : future.get(60, TimeUnit.SECONDS)) {
                sequences.add(result.firstSequence());
                sequences.add(result.firstSequence() + 1);
            }
        }
        pool.shutdown();

        Collections.sort(sequences);
        assertThat(sequences).hasSize(threads * batches * 2).doesNotHaveDuplicates();
        assertThat(sequences.get(sequences.size() - 1)).isEqualTo(threads * batches * 2 - 1L);
        List<LogRecord> all = readAll(log);
        for (int t = 0; t < threads; t++) {
            String writer = "w" + t;
            assertThat(all.stream().filter(r -> r.partitionKey().equals(writer)).map(r -> text(r).split(":")[1])
                .map(Integer::parseInt).toList()).isSorted().hasSize(batches * 2);
        }
    }

    @Test
    void sealRefusesLaterAppendsAndWakesWaiters() {
        ShardLog log = engine.open("s1", config(1 << 20));
        append(log, batch("a", 4));
        CompletableFuture<Void> waiting = log.awaitBeyond(10);

        assertThat(log.seal()).isEqualTo(4);
        assertThat(waiting).isCompleted();
        assertThat(log.isSealed()).isTrue();
        assertThat(log.seal()).isEqualTo(4);
        assertThatThrownBy(() -> log.append(batch("b", 1)).join())
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SealedLogException.class);
        assertThat(readAll(log)).hasSize(4);
    }

    @Test
    void awaitBeyondCompletesOnAppend() {
        ShardLog log = engine.open("s1", config(1 << 20));
        append(log, batch("a", 2));
        CompletableFuture<Void> already = log.awaitBeyond(1);
        CompletableFuture<Void> next = log.awaitBeyond(2);

        assertThat(already).isCompleted();
        assertThat(next).isNotDone();
        append(log, batch("b", 1));
        assertThat(next).isCompleted();
    }

    @Test
    void deletedLogReadsEmptyAndItsFolderIsGone() {
        ShardLog log = engine.open("s1", config(1 << 20));
        append(log, batch("a", 2));

        engine.delete("s1");

        assertThat(Files.exists(root.resolve("s1"))).isFalse();
        assertThat(log.read(0, 10, 1000).records()).isEmpty();
        assertThat(log.isSealed()).isTrue();
        assertThat(engine.find("s1")).isEmpty();
        assertThat(engine.open("s1", config(1 << 20)).endSequence()).isZero();
    }

    @Test
    void fsyncDurabilityAppendsAndReads() {
        var settings = new dev.freshet.datastreams.log.LogConfig(4096, java.time.Duration.ofDays(1), LogFixture.DAY,
            256, dev.freshet.datastreams.log.Durability.FSYNC);
        ShardLog log = engine.open("s1", settings);
        for (int i = 0; i < 20; i++) {
            append(log, batch("f" + i, 5));
        }
        assertThat(readAll(log)).hasSize(100);
    }

    @Test
    void aSecondEngineOnTheSameFolderIsRefused() {
        assertThatThrownBy(() -> LogFixture.engine(root, clock))
            .isInstanceOf(dev.freshet.datastreams.log.LogException.class).hasMessageContaining("in use");
    }

    @Test
    void rejectsIdsThatAreNotFolderSafe() {
        assertThatThrownBy(() -> engine.open("../escape", config(1 << 20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.open("", config(1 << 20))).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Path> segmentFiles(String id) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve(id))) {
            return files.filter(p -> p.toString().endsWith(".log")).toList();
        }
    }
}
