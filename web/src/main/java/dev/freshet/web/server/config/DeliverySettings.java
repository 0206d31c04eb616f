package dev.freshet.web.server.config;

import dev.freshet.delivery.catalog.PutQuota;
import dev.freshet.delivery.destination.http.HttpEndpointDestination;
import dev.freshet.delivery.process.lambda.LambdaSettings;
import dev.freshet.delivery.s3.ActivePartitions;
import dev.freshet.delivery.store.S3StoreSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery-stream side of the server's settings: where objects go and how processors and
 * search destinations reach what Freshet does not run itself.
 *
 * <p>Immutable, thread-safe. {@link #toString()} hides the S3 secret key.
 *
 * @param s3              the S3-compatible store ({@code s3-*}); empty: the local directory {@code <data-dir>/s3}
 * @param lambdaUrls      Lambda function ARN to the URL the Lambda processor calls ({@code delivery-lambda-urls})
 * @param searchEndpoints OpenSearch/Elasticsearch domain ARN to its cluster URL ({@code delivery-search-endpoints})
 * @param activePartitionsLimit dynamic partitioning's active partitions per stream ({@code delivery-active-partitions-limit})
 * @param putQuota each stream's Direct PUT throughput with {@code enforce-limits} ({@code delivery-put-*})
 * @param httpTimeout how long an HTTP endpoint may take to answer a request ({@code delivery-http-timeout-millis})
 * @param lambdaTimeout how long a transformation function may take to answer ({@code delivery-lambda-timeout-millis})
 */
public record DeliverySettings(Optional<S3StoreSettings> s3, Map<String, URI> lambdaUrls,
                               Map<String, URI> searchEndpoints, int activePartitionsLimit, PutQuota putQuota,
                               Duration httpTimeout, Duration lambdaTimeout) {

    public static final DeliverySettings LOCAL = new DeliverySettings(Optional.empty(), Map.of(), Map.of(),
        ActivePartitions.DEFAULT_LIMIT, PutQuota.DEFAULT, HttpEndpointDestination.DEFAULT_REQUEST_TIMEOUT,
        LambdaSettings.DEFAULT_INVOCATION_TIMEOUT);

    public DeliverySettings {
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(putQuota, "putQuota");
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        Objects.requireNonNull(lambdaTimeout, "lambdaTimeout");
        lambdaUrls = Map.copyOf(lambdaUrls);
        searchEndpoints = Map.copyOf(searchEndpoints);
    }

    @Override
    public String toString() {
        // S3StoreSettings.toString() leaves the secret out
        return "DeliverySettings[s3=" + s3.map(Object::toString).orElse("local directory") + ", lambdaUrls="
            + lambdaUrls + ", searchEndpoints=" + searchEndpoints + ", activePartitionsLimit=" + activePartitionsLimit
            + ", putQuota=" + putQuota + ", httpTimeout=" + httpTimeout + ", lambdaTimeout=" + lambdaTimeout + "]";
    }
}
