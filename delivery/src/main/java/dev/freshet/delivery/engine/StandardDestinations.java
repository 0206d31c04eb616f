package dev.freshet.delivery.engine;

import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.destination.http.HttpEndpointDestination;
import dev.freshet.delivery.destination.http.HttpEndpointMetrics;
import dev.freshet.delivery.destination.opensearch.SearchDestination;
import dev.freshet.delivery.destination.redshift.RedshiftDestination;
import dev.freshet.delivery.s3.ObjectPutter;
import dev.freshet.delivery.s3.S3Destinations;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Every destination kind Freshet delivers to, registered with what it needs from the engine's
 * {@link dev.freshet.delivery.destination.DestinationContext}: Extended S3 and S3, the HTTP
 * endpoint, Redshift-style PostgreSQL (staging through the object store), OpenSearch and
 * Elasticsearch (domain ARNs resolved through the server's {@code domainEndpoints}).
 *
 * <p>Thread-safe (stateless).
 */
public final class StandardDestinations {

    private StandardDestinations() {
    }

    /**
     * @param domainEndpoints OpenSearch/Elasticsearch domain ARN to its URL, for configurations
     *     that name a DomainARN rather than a ClusterEndpoint
     */
    public static DestinationRegistry registry(Map<String, URI> domainEndpoints) {
        return registry(domainEndpoints, HttpEndpointDestination.DEFAULT_REQUEST_TIMEOUT);
    }

    /** @param httpRequestTimeout how long an HTTP endpoint may take to answer one request */
    public static DestinationRegistry registry(Map<String, URI> domainEndpoints, Duration httpRequestTimeout) {
        DestinationRegistry registry = S3Destinations.register(new DestinationRegistry());
        registry.register(DestinationKind.HTTP_ENDPOINT, (spec, context) ->
            HttpEndpointDestination.from(spec, httpMetrics(context.metrics()), httpRequestTimeout));
        registry.register(DestinationKind.REDSHIFT, (spec, context) ->
            RedshiftDestination.from(spec,
                new ObjectPutter(context.objectStore(), context.retry(), context.health()), context.metrics()));
        registry.register(DestinationKind.ELASTICSEARCH, (spec, context) ->
            SearchDestination.from(spec, domainEndpoints, context.metrics()));
        registry.register(DestinationKind.AMAZON_OPENSEARCH_SERVICE, (spec, context) ->
            SearchDestination.from(spec, domainEndpoints, context.metrics()));
        return registry;
    }

    /** The HTTP endpoint's reports as {@code DeliveryToHttpEndpoint.*} counters. */
    static HttpEndpointMetrics httpMetrics(DestinationMetrics metrics) {
        String prefix = "DeliveryToHttpEndpoint.";
        return new HttpEndpointMetrics() {
            @Override
            public void attempted(int records, long bytes) {
                metrics.count(prefix + "ProcessedRecords", records);
                metrics.count(prefix + "ProcessedBytes", bytes);
            }

            @Override
            public void answered(boolean success) {
                metrics.count(prefix + "Success", success ? 1 : 0);
                metrics.count(prefix + "Attempts", 1);
            }

            @Override
            public void delivered(int records, long bytes, long dataFreshnessMillis) {
                metrics.count(prefix + "Records", records);
                metrics.count(prefix + "Bytes", bytes);
            }

            @Override
            public void gaveUp(int records) {
                metrics.count(prefix + "FailedRecords", records);
            }
        };
    }
}
