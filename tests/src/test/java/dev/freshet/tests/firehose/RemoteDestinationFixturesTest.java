package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.http.HttpEndpointDestination;
import dev.freshet.delivery.destination.http.HttpEndpointMetrics;
import dev.freshet.delivery.store.S3ObjectStore;
import dev.freshet.delivery.store.S3StoreSettings;
import dev.freshet.delivery.testing.HttpEndpointReceiver;
import dev.freshet.delivery.testing.S3ProxyFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Firehose destination fixtures work on this module's classpath (beside the Kinesis, video and
 * Selenium clients), so the black-box delivery tests can use them: s3proxy in-process with SigV4,
 * and the spec-checking HTTP endpoint receiver.
 */
class RemoteDestinationFixturesTest {

    @Test
    void s3proxyServesTheS3ObjectStore() throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.inMemory()) {
            s3.createBucket("fixture");
            S3StoreSettings settings = S3StoreSettings.of(s3.endpoint(), S3ProxyFixture.REGION, S3ProxyFixture.IDENTITY,
                S3ProxyFixture.CREDENTIAL);
            try (S3ObjectStore store = new S3ObjectStore(settings)) {
                store.put("fixture", "a/b/c", "hello".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(new String(s3.get("fixture", "a/b/c"), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void theReceiverAcceptsTheHttpEndpointDestination() throws Exception {
        try (HttpEndpointReceiver receiver = new HttpEndpointReceiver("key")) {
            ObjectNode config = new ObjectMapper().createObjectNode();
            config.putObject("EndpointConfiguration").put("Url", receiver.url().toString()).put("AccessKey", "key");
            DeliveryStreamRef stream = new DeliveryStreamRef("s", "arn:aws:firehose:us-east-1:000000000000:deliverystream/s",
                "us-east-1", 1);
            DeliveryStreamSpec spec = new DeliveryStreamSpec(stream, new DeliverySource.DirectPut(),
                DestinationKind.HTTP_ENDPOINT, config);
            try (HttpEndpointDestination destination = HttpEndpointDestination.from(spec, HttpEndpointMetrics.NONE)) {
                byte[] data = "record".getBytes(StandardCharsets.UTF_8);
                assertThat(destination.deliver(new DeliveryBatch(stream, List.of(new DeliveryRecord("1", 1L, data))))
                    .allDelivered()).isTrue();
            }
            assertThat(receiver.accepted()).containsExactly("record".getBytes(StandardCharsets.UTF_8));
            assertThat(receiver.violations()).isEmpty();
        }
    }
}
