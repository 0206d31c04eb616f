package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Shard iterators expire after their time to live (shortened here from 300 s to 1.5 s). */
class IteratorExpiryTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--shard-iterator-ttl-millis", "1500");

    @WireTest
    void iteratorsExpireAfterTheirTimeToLive(Wire wire) {
        server.process();
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "expiry", 1);
        Streams.put(kinesis, name, "k", "v");
        String fromGetShardIterator = Streams.iterator(kinesis, name, "shardId-000000000000",
                ShardIteratorType.TRIM_HORIZON);
        String fromGetRecords = kinesis.getRecords(b -> b.shardIterator(fromGetShardIterator)).nextShardIterator();
        assertThat(kinesis.getRecords(b -> b.shardIterator(fromGetRecords)).records()).isEmpty();

        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            AwsServiceException e = Errors.serviceError(() -> kinesis.getRecords(b -> b.shardIterator(fromGetRecords)));
            assertThat(e).isInstanceOf(ExpiredIteratorException.class);
            assertThat(Errors.message(e)).startsWith("Iterator expired.");
        });
        assertThat(Errors.serviceError(() -> kinesis.getRecords(b -> b.shardIterator(fromGetShardIterator))))
                .isInstanceOf(ExpiredIteratorException.class);
    }
}
