package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.compress.CompressionFormat;
import dev.freshet.delivery.compress.Decoders;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.process.ProcessingResult;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine over a real shard log in a temporary folder, storing objects in a local directory store. */
abstract class EngineFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(50));

    @TempDir
    Path dir;
    FileLogEngine logs;
    RecordingStore store;
    LogDeliveryEngine engine;
    RecordProcessorFactory processors = RecordProcessorFactory.IDENTITY;

    @BeforeEach
    void start() {
        store = new RecordingStore(dir.resolve("s3"));
        open();
    }

    void open() {
        logs = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        engine = new LogDeliveryEngine(EngineSettings.defaults(dir.resolve("firehose"), Durability.OS).withRetry(FAST),
            logs, store, S3Destinations.register(new DestinationRegistry()),
            (config, kinesis) -> processors.create(config, kinesis), null);
    }

    @AfterEach
    void stop() {
        engine.close();
        logs.close();
    }

    static DeliveryStreamSpec spec(String name, long version, String configuration) {
        try {
            return new DeliveryStreamSpec(new DeliveryStreamRef(name, "arn:aws:firehose:us-east-1:000000000000:deliverystream/" + name,
                "us-east-1", version), new DeliverySource.DirectPut(), DestinationKind.EXTENDED_S3,
                (ObjectNode) JSON.readTree(configuration));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String s3(String extra) {
        return "{\"BucketARN\":\"arn:aws:s3:::bucket\"" + extra + "}";
    }

    static String hints(int sizeMb, int seconds) {
        return ",\"BufferingHints\":{\"SizeInMBs\":" + sizeMb + ",\"IntervalInSeconds\":" + seconds + "}";
    }

    static List<byte[]> records(int from, int count) {
        List<byte[]> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(String.format("record-%06d|%s\n", i, "x".repeat(1000)).getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    static byte[] expected(int from, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records(from, count).forEach(out::writeBytes);
        return out.toByteArray();
    }

    void put(String stream, int from, int count) throws Exception {
        for (int i = from; i < from + count; i += 100) {
            List<String> ids = engine.put(stream, records(i, Math.min(100, from + count - i))).get();
            assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.length() >= 32);
        }
    }

    /** Every stored object of the bucket, decoded, concatenated in the order they were stored. */
    byte[] delivered(String bucket, CompressionFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RecordingStore.Stored object : store.in(bucket)) {
            out.writeBytes(Decoders.decode(format, Files.readAllBytes(dir.resolve("s3").resolve(bucket)
                .resolve(object.key()))));
        }
        return out.toByteArray();
    }

    DeliveryMetrics metrics(String stream) {
        return engine.metrics(stream).orElseThrow();
    }

    long checkpoint(String stream) throws IOException {
        return JSON.readTree(dir.resolve("firehose/checkpoints/" + stream + ".json").toFile()).get("nextSequence").asLong();
    }
}
