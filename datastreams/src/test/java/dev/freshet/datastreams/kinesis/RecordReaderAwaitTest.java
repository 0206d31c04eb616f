package dev.freshet.datastreams.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.datastreams.log.internal.FileLogEngine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecordReader#awaitRecords}: in-process tailing without polling GetRecords. */
class RecordReaderAwaitTest {

    @TempDir
    Path dir;
    FileLogEngine engine;
    DataStreams kinesis;

    @BeforeEach
    void start() {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        kinesis = new DataStreams(KinesisSettings.defaults().withTransitionDelay(Duration.ZERO), engine, dir.resolve("meta"),
            StreamMetrics.NONE);
        kinesis.streams().create(new StreamLifecycle.CreateRequest("s", 1, null, null, null, null));
    }

    @AfterEach
    void stop() {
        kinesis.close();
        engine.close();
    }

    private String latest(String shardId) {
        return kinesis.reader().getShardIterator(new RecordReader.IteratorRequest(StreamRef.named("s"), shardId, "LATEST",
            null, null));
    }

    @Test
    void completesOnceARecordIsAppendedAtTheIteratorsPosition() throws Exception {
        String shardId = kinesis.streams().describe(StreamRef.named("s"), null, null).shards().get(0).shardId();
        CompletableFuture<Void> waiting = kinesis.reader().awaitRecords(latest(shardId));
        assertThat(waiting).isNotDone();

        kinesis.writer().putRecord(StreamRef.named("s"), new RecordWriter.Entry("k", null,
            "x".getBytes(StandardCharsets.UTF_8)), null);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(kinesis.reader().awaitRecords(latest(shardId))).isNotDone();
    }

    @Test
    void completesWhenTheShardIsClosed() throws Exception {
        ShardDescription shard = kinesis.streams().describe(StreamRef.named("s"), null, null).shards().get(0);
        CompletableFuture<Void> waiting = kinesis.reader().awaitRecords(latest(shard.shardId()));

        kinesis.resharding().split(StreamRef.named("s"), shard.shardId(),
            new BigInteger(shard.endingHashKey()).shiftRight(1).toString());
        waiting.get(10, TimeUnit.SECONDS);
    }
}
