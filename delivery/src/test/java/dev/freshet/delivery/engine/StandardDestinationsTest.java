package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.compress.CompressionFormat;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.testing.HttpEndpointReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine with every registered kind, driving the real HTTP endpoint destination against a spec-checking receiver. */
class StandardDestinationsTest extends EngineFixture {

    HttpEndpointReceiver receiver;

    @Override
    void open() {
        logs = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        engine = new LogDeliveryEngine(EngineSettings.defaults(dir.resolve("firehose"), Durability.OS).withRetry(FAST),
            logs, store, StandardDestinations.registry(Map.of()), RecordProcessorFactory.IDENTITY, null);
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    DeliveryStreamSpec httpSpec(String name) throws Exception {
        ObjectNode configuration = (ObjectNode) JSON.readTree("{\"EndpointConfiguration\":{\"Url\":\"" + receiver.url()
            + "\",\"Name\":\"receiver\",\"AccessKey\":\"secret\"},\"RetryOptions\":{\"DurationInSeconds\":0},"
            + "\"BufferingHints\":{\"SizeInMBs\":1,\"IntervalInSeconds\":0},\"S3BackupMode\":\"AllData\","
            + "\"S3Configuration\":{\"BucketARN\":\"arn:aws:s3:::backup\",\"Prefix\":\"raw/\"}}");
        return new DeliveryStreamSpec(spec(name, 1, "{}").ref(), new DeliverySource.DirectPut(),
            DestinationKind.HTTP_ENDPOINT, configuration);
    }

    @Test
    void deliversToAnHttpEndpointAndBacksUpAllData() throws Exception {
        receiver = new HttpEndpointReceiver("secret");
        engine.run(httpSpec("web"));
        put("web", 0, 300);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("web").deliveredRecords() == 300);
        assertThat(receiver.accepted()).hasSize(300);
        assertThat(receiver.violations()).isEmpty();
        assertThat(new String(receiver.accepted().get(299), StandardCharsets.UTF_8)).startsWith("record-000299|");
        assertThat(delivered("backup", CompressionFormat.UNCOMPRESSED)).isEqualTo(expected(0, 300));
        assertThat(store.in("backup")).allSatisfy(object -> assertThat(object.key()).startsWith("raw/2"));
        assertThat(metrics("web").destinationCounters()).containsEntry("DeliveryToHttpEndpoint.Records", 300L);
    }

    @Test
    void aPermanentRefusalGoesToTheErrorOutputAndTheCheckpointMovesOn() throws Exception {
        receiver = new HttpEndpointReceiver("secret");
        receiver.answerAlways(HttpEndpointReceiver.Mode.TOO_LARGE_413);
        engine.run(httpSpec("refused"));
        put("refused", 0, 5);

        await().atMost(Duration.ofSeconds(30)).until(() -> metrics("refused").errorOutputRecords() == 5);
        List<RecordingStore.Stored> errors = store.in("backup").stream()
            .filter(object -> object.key().startsWith("raw/http-endpoint-failed/")).toList();
        assertThat(errors).singleElement();
        String lines = Files.readString(dir.resolve("s3/backup").resolve(errors.get(0).key()));
        assertThat(lines.split("\n")).hasSize(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> checkpoint("refused") == 5);
    }
}
