package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A catalog over a temporary folder, a fake engine and a clock the test moves. */
final class CatalogFixture {

    static final String SOURCE_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
    static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    final FakeEngine engine = new FakeEngine();
    final Path dir;
    final int streamLimit;
    /** Limits mode with this Direct PUT quota; null: limits mode off. */
    final PutQuota putQuota;
    /** ThrottledRecords by stream, as the intake reported them. */
    final Map<String, Integer> throttledRecords = new ConcurrentHashMap<>();
    DeliveryStreams streams;

    CatalogFixture(Path dir) {
        this(dir, CatalogSettings.DEFAULT_STREAM_LIMIT, null);
    }

    CatalogFixture(Path dir, int streamLimit) {
        this(dir, streamLimit, null);
    }

    CatalogFixture(Path dir, PutQuota putQuota) {
        this(dir, CatalogSettings.DEFAULT_STREAM_LIMIT, putQuota);
    }

    private CatalogFixture(Path dir, int streamLimit, PutQuota putQuota) {
        this.dir = dir;
        this.streamLimit = streamLimit;
        this.putQuota = putQuota;
        reopen();
    }

    /** A new service over the same folder, as after a restart. */
    DeliveryStreams reopen() {
        InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
        CatalogSettings settings = new CatalogSettings("us-east-1", "000000000000", Duration.ofMillis(500),
            putQuota != null, streamLimit, clock, putQuota == null ? PutQuota.DEFAULT : putQuota);
        SourceStreams sources = arn -> arn.equals(SOURCE_ARN) ? Optional.of("orders") : Optional.empty();
        IntakeMetrics metrics = new IntakeMetrics() {
            @Override
            public void incoming(String stream, int records, long bytes) {
            }

            @Override
            public void throttled(String stream, int records) {
                throttledRecords.merge(stream, records, Integer::sum);
            }
        };
        streams = new DeliveryStreams(settings, engine, sources, dir, metrics);
        return streams;
    }

    void pass(long ms) {
        millis.addAndGet(ms);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode s3(String extra) {
        return json("{'RoleARN':'" + ROLE + "','BucketARN':'arn:aws:s3:::bucket-1'" + (extra.isEmpty() ? "" : "," + extra)
            + "}");
    }

    static CreateRequest directPut(String name, ObjectNode extendedS3) {
        return new CreateRequest(name, null, null, null, Map.of("ExtendedS3DestinationConfiguration", extendedS3),
            List.of());
    }

    /** Creates an Extended S3 DirectPut stream and lets it become ACTIVE. */
    void createActive(String name) {
        streams.streams().create(directPut(name, s3("")));
        pass(600);
    }
}
