package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Subscription;
import dev.freshet.tests.harness.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** A subscription ends after its lifetime (shortened from 5 min to 2 s); the consumer resubscribes from its continuation. */
class SubscriptionLifetimeTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--subscription-millis", "2000");

    @ParameterizedTest
    @EnumSource(Transport.class)
    void subscriptionEndsAfterItsLifetimeAndResumesFromTheContinuation(Transport transport) {
        server.process();
        KinesisClient kinesis = server.client();
        String name = Streams.create(kinesis, "lifetime", 1);
        String consumer = Subscription.registerActiveConsumer(kinesis, name, "long-reader");
        Streams.put(kinesis, name, "k", "r1");
        long started = System.nanoTime();

        Subscription first = Subscription.start(server.async(transport), consumer, "shardId-000000000000",
                EnhancedFanOutTest.position(ShardIteratorType.TRIM_HORIZON, null));

        assertThat(first.done()).succeedsWithin(Duration.ofSeconds(15));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(first.data()).containsExactly("r1");
        Streams.put(kinesis, name, "k", "r2");
        AtomicReference<Subscription> next = new AtomicReference<>();
        await("resubscribe once the 5 s window has passed").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Subscription s = Subscription.start(server.async(transport), consumer, "shardId-000000000000",
                            EnhancedFanOutTest.position(ShardIteratorType.AFTER_SEQUENCE_NUMBER, first.continuation()));
                    try {
                        s.initialResponse().get();
                        next.set(s);
                        return true;
                    } catch (Exception inUse) {
                        return false;
                    }
                });
        await().atMost(Duration.ofSeconds(2)).until(() -> next.get().records().size() >= 1);
        assertThat(next.get().data()).containsExactly("r2");
    }
}
