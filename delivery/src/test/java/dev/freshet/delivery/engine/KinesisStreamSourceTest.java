package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.KinesisSettings;
import dev.freshet.datastreams.kinesis.RecordWriter;
import dev.freshet.datastreams.kinesis.ShardDescription;
import dev.freshet.datastreams.kinesis.StreamLifecycle;
import dev.freshet.datastreams.kinesis.StreamMetrics;
import dev.freshet.datastreams.kinesis.StreamRef;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.SourceRecordMetadata;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.process.ProcessingSettings;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery stream reading a Freshet data stream through the Kinesis services, across a reshard. */
class KinesisStreamSourceTest {

    static final String SOURCE_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/src";

    @TempDir
    Path dir;
    FileLogEngine logs;
    DataStreams kinesis;
    RecordingStore store;
    LogDeliveryEngine engine;

    @BeforeEach
    void start() {
        logs = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        kinesis = new DataStreams(KinesisSettings.defaults().withTransitionDelay(Duration.ZERO), logs, dir.resolve("meta"),
            StreamMetrics.NONE);
        store = new RecordingStore(dir.resolve("s3"));
        openEngine();
    }

    void openEngine() {
        engine = new LogDeliveryEngine(EngineSettings.defaults(dir.resolve("firehose"), Durability.OS)
            .withRetry(EngineFixture.FAST), logs, store, S3Destinations.register(new DestinationRegistry()),
            RecordProcessorFactory.of(ProcessingSettings.defaults()), kinesis);
    }

    @AfterEach
    void stop() {
        engine.close();
        kinesis.close();
        logs.close();
    }

    DeliveryStreamSpec spec(long startAt) {
        DeliveryStreamSpec direct = EngineFixture.spec("fromkinesis", 1,
            EngineFixture.s3(EngineFixture.hints(1, 0)));
        return new DeliveryStreamSpec(direct.ref(), new DeliverySource.KinesisStream("src", SOURCE_ARN, startAt),
            DestinationKind.EXTENDED_S3, direct.destinationConfiguration());
    }

    void put(Map<String, List<String>> written, int from, int count) {
        for (int i = from; i < from + count; i++) {
            String key = "key-" + (i % 7);
            String data = key + ":" + i + "\n";
            kinesis.writer().putRecord(StreamRef.named("src"), new RecordWriter.Entry(key, null,
                data.getBytes(StandardCharsets.UTF_8)), null);
            written.computeIfAbsent(key, k -> new ArrayList<>()).add(key + ":" + i);
        }
    }

    Map<String, List<String>> deliveredByKey() throws IOException {
        Map<String, List<String>> read = new HashMap<>();
        for (RecordingStore.Stored object : store.in("bucket")) {
            String text = Files.readString(dir.resolve("s3/bucket").resolve(object.key()));
            for (String line : text.split("\n")) {
                read.computeIfAbsent(line.substring(0, line.indexOf(':')), k -> new ArrayList<>()).add(line);
            }
        }
        return read;
    }

    @Test
    void deliversEveryShardInOrderPerKeyAcrossASplit() throws Exception {
        kinesis.streams().create(new StreamLifecycle.CreateRequest("src", 2, null, null, null, null));
        Map<String, List<String>> written = new HashMap<>();
        put(written, 0, 200);
        engine.run(spec(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.metrics("fromkinesis").orElseThrow().deliveredRecords() == 200);

        ShardDescription first = kinesis.streams().describe(StreamRef.named("src"), null, null).shards().get(0);
        kinesis.resharding().split(StreamRef.named("src"), first.shardId(),
            new BigInteger(first.startingHashKey()).add(BigInteger.TEN.pow(30)).toString());
        put(written, 200, 300);

        await().atMost(Duration.ofSeconds(30)).until(() -> engine.metrics("fromkinesis").orElseThrow().deliveredRecords() == 500);
        assertThat(deliveredByKey()).isEqualTo(written);
        assertThat(engine.metrics("fromkinesis").orElseThrow().incomingRecords()).isEqualTo(500);

        engine.close();
        openEngine();
        engine.run(spec(0));
        put(written, 500, 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.metrics("fromkinesis").orElseThrow().deliveredRecords() == 20);
        assertThat(deliveredByKey()).isEqualTo(written);
    }

    @Test
    void recordsCarryTheirShardPartitionKeyAndSequenceNumber() {
        kinesis.streams().create(new StreamLifecycle.CreateRequest("src", 2, null, null, null, null));
        Map<String, RecordWriter.PutRecordResult> puts = new HashMap<>();
        for (String key : List.of("alpha", "beta", "gamma", "delta")) {
            puts.put(key, kinesis.writer().putRecord(StreamRef.named("src"), new RecordWriter.Entry(key, null,
                key.getBytes(StandardCharsets.UTF_8)), null));
        }
        KinesisStreamSource source = KinesisStreamSource.open(kinesis,
            new DeliverySource.KinesisStream("src", SOURCE_ARN, 0), new CheckpointFile(dir.resolve("cp"), "s", false));
        List<DeliveryRecord> read = new ArrayList<>();
        source.read(read, 100, 1 << 20);

        assertThat(read).hasSize(4).allSatisfy(record -> {
            SourceRecordMetadata meta = record.source();
            String key = new String(record.data(), StandardCharsets.UTF_8);
            assertThat(meta.streamArn()).isEqualTo(SOURCE_ARN);
            assertThat(meta.partitionKey()).isEqualTo(key);
            assertThat(meta.sequenceNumber()).isEqualTo(puts.get(key).sequenceNumber()).isEqualTo(record.recordId());
            assertThat(meta.subsequenceNumber()).isZero();
            assertThat(meta.approximateArrivalMillis()).isEqualTo(record.arrivalMillis());
            assertThat(meta.shardId()).isEqualTo(puts.get(key).shardId());
        });
    }
}
