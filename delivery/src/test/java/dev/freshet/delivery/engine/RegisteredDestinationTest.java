package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.Destination;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A destination registered by another part (here a fake HTTP endpoint) runs under the same loop rules. */
class RegisteredDestinationTest extends EngineFixture {

    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /** Confirms everything but records containing "reject", after {@link #release}. */
    final class SlowEndpoint implements Destination {
        @Override
        public DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException {
            entered.countDown();
            release.await();
            List<FailedRecord> failed = new ArrayList<>();
            for (DeliveryRecord record : batch.records()) {
                String text = new String(record.data(), StandardCharsets.UTF_8);
                if (text.contains("reject")) {
                    failed.add(new FailedRecord(record, "http-endpoint-failed", FailureEnvelope.toBytes(
                        FailureEnvelope.of(record, 1, "HttpEndpoint.InvalidResponseFromDestination", "413", 0))));
                } else {
                    received.add(text);
                }
            }
            return new DeliveryResult(failed);
        }

        @Override
        public void close() {
        }
    }

    @Override
    void open() {
        logs = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        DestinationRegistry registry = S3Destinations.register(new DestinationRegistry())
            .register(DestinationKind.HTTP_ENDPOINT, (spec, context) -> new SlowEndpoint());
        engine = new LogDeliveryEngine(EngineSettings.defaults(dir.resolve("firehose"), Durability.OS).withRetry(FAST),
            logs, store, registry, RecordProcessorFactory.IDENTITY, null);
    }

    @Test
    void closingFinishesTheBatchInFlightAndFailuresGoToTheS3Configuration() throws Exception {
        ObjectNode configuration = (ObjectNode) JSON.readTree("{\"BufferingHints\":{\"SizeInMBs\":1,\"IntervalInSeconds\":0},"
            + "\"S3Configuration\":{\"BucketARN\":\"arn:aws:s3:::errors\",\"ErrorOutputPrefix\":\"failed/\"}}");
        engine.run(new DeliveryStreamSpec(spec("h", 1, "{}").ref(), new DeliverySource.DirectPut(),
            DestinationKind.HTTP_ENDPOINT, configuration));
        engine.put("h", List.of("a".getBytes(StandardCharsets.UTF_8), "reject-me".getBytes(StandardCharsets.UTF_8),
            "b".getBytes(StandardCharsets.UTF_8))).get();
        entered.await();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(engine::close);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !closing.isDone());
        release.countDown();
        closing.get();

        assertThat(received).containsExactly("a", "b");
        assertThat(checkpoint("h")).isEqualTo(3);
        assertThat(store.in("errors")).singleElement().satisfies(object ->
            assertThat(object.key()).startsWith("failed/http-endpoint-failed/"));
        String envelope = Files.readString(dir.resolve("s3/errors").resolve(store.in("errors").get(0).key()));
        assertThat(envelope).contains("\"rawData\":\"cmVqZWN0LW1l\"").endsWith("}\n");
    }
}
