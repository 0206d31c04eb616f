package dev.freshet.delivery.destination.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.Destination;
import dev.freshet.delivery.destination.DestinationMetrics;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import dev.freshet.delivery.destination.RetryClock;
import dev.freshet.delivery.destination.opensearch.BulkResponse.ItemOutcome;
import dev.freshet.delivery.destination.opensearch.BulkResponse.MalformedBulkResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers batches to an OpenSearch or Elasticsearch cluster with one {@code _bulk} request per
 * attempt ({@code index} actions, NDJSON), through the JDK's HttpClient: {@code _bulk} is plain
 * HTTP, no client library is needed.
 *
 * <p>Retries: items the cluster failed (mapping conflicts, rejections…) and whole requests that
 * failed (connection refused, 5xx, a garbled answer) are sent again with backoff for
 * RetryOptions.DurationInSeconds, only the items still failing; with FIREHOSE_DEFAULT ids a
 * resent document overwrites itself. Then each still-failing record comes back as a
 * {@link FailedRecord} of type {@code AmazonOpenSearchService-failed} (OpenSearch Service) or
 * {@code elasticsearch-failed} (Elasticsearch) with the service's envelope: attemptsMade,
 * arrivalTimestamp, errorCode (the item's HTTP status, or {@code OS.ConnectionFailed} /
 * {@code ES.ConnectionFailed} when the cluster did not answer), errorMessage (the cluster's error
 * object), attemptEndingTimestamp, rawData, esDocumentId, esIndexName, esTypeName. Records that
 * cannot be framed as one NDJSON line fail at once with errorCode 400.
 *
 * <p>Called by one delivery thread at a time.
 */
public final class SearchDestination implements Destination {

    private static final Logger LOG = LoggerFactory.getLogger(SearchDestination.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final SearchSettings settings;
    private final DestinationMetrics metrics;
    private final Clock clock;
    private final HttpClient http;
    private final Names names;

    /** The kind's names: metrics prefix, error-output folder, connection-failure code. */
    private record Names(String metricPrefix, String errorOutputType, String connectionFailed) {
        static Names of(DestinationKind kind) {
            return kind == DestinationKind.ELASTICSEARCH
                ? new Names("DeliveryToElasticsearch", "elasticsearch-failed", "ES.ConnectionFailed")
                : new Names("DeliveryToAmazonOpenSearchService", "AmazonOpenSearchService-failed", "OS.ConnectionFailed");
        }
    }

    SearchDestination(SearchSettings settings, DestinationMetrics metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.names = Names.of(settings.kind());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /**
     * The destination for a stream whose kind is ELASTICSEARCH or AMAZON_OPENSEARCH_SERVICE.
     *
     * @param domainEndpoints DomainARN → cluster URL from the server's settings (may be empty)
     * @throws dev.freshet.delivery.DeliveryException INVALID_ARGUMENT for a configuration that cannot run here
     */
    public static SearchDestination from(DeliveryStreamSpec spec, Map<String, URI> domainEndpoints, DestinationMetrics metrics) {
        DestinationKind kind = spec.destinationKind();
        if (kind != DestinationKind.ELASTICSEARCH && kind != DestinationKind.AMAZON_OPENSEARCH_SERVICE) {
            throw new IllegalArgumentException("not an OpenSearch or Elasticsearch stream: " + kind);
        }
        return new SearchDestination(SearchSettings.parse(kind, spec.destinationConfiguration(), domainEndpoints), metrics,
            Clock.systemUTC());
    }

    public SearchSettings settings() {
        return settings;
    }

    @Override
    public DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException {
        List<FailedRecord> failed = new ArrayList<>();
        List<BulkItem> pending = new ArrayList<>();
        for (DeliveryRecord record : batch.records()) {
            String index = settings.rotation().indexName(settings.indexName(), record.arrivalMillis());
            BulkItem item = BulkItem.of(record, index, settings.firehoseDocumentIds());
            if (item == null) {
                String id = settings.firehoseDocumentIds() ? BulkItem.documentId(record.recordId()) : null;
                failed.add(failedRecord(new BulkItem(record, index, id, record.data()), 0, "400",
                    "The record is not one line of JSON (empty, or broken over lines without being JSON); it was not sent",
                    clock.millis()));
            } else {
                pending.add(item);
            }
        }
        RetryClock retry = new RetryClock(clock, settings.retry(), FIRST_BACKOFF, MAX_BACKOFF);
        // identity: two items are never the same attempt's entry, whatever their contents
        Map<BulkItem, ItemOutcome> failures = new IdentityHashMap<>();
        while (!pending.isEmpty()) {
            retry.attempt();
            pending = attempt(pending, failures);
            if (pending.isEmpty() || !retry.awaitRetry()) {
                break;
            }
        }
        long end = retry.nowMillis();
        for (BulkItem item : pending) {
            ItemOutcome outcome = failures.get(item);
            failed.add(failedRecord(item, retry.attempts(), outcome.status() > 0 ? String.valueOf(outcome.status())
                : names.connectionFailed(), outcome.error(), end));
        }
        return new DeliveryResult(failed);
    }

    /** Sends the items once; returns those that failed, their outcomes in {@code failures}. */
    private List<BulkItem> attempt(List<BulkItem> items, Map<BulkItem, ItemOutcome> failures) throws InterruptedException {
        List<ItemOutcome> outcomes = send(items);
        List<BulkItem> stillFailing = new ArrayList<>();
        long records = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemOutcome outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                records++;
                bytes += items.get(i).record().data().length;
            } else {
                stillFailing.add(items.get(i));
                failures.put(items.get(i), outcome);
            }
        }
        metrics.attempt(names.metricPrefix(), stillFailing.isEmpty(), records, bytes);
        if (!stillFailing.isEmpty()) {
            LOG.warn("_bulk to {}: {} of {} documents failed, first: {}", settings.endpoint(), stillFailing.size(), items.size(),
                failures.get(stillFailing.get(0)));
        }
        return stillFailing;
    }

    /** One {@code _bulk} request; a request that failed as a whole fails every item alike. */
    private List<ItemOutcome> send(List<BulkItem> items) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint().resolve("_bulk")).timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(BulkBody.of(items, settings.typeName())));
        if (settings.authorization() != null) {
            request.header("Authorization", settings.authorization());
        }
        ItemOutcome whole;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return BulkResponse.parse(response.body(), items.size());
            }
            whole = new ItemOutcome(response.statusCode(), truncated(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            whole = new ItemOutcome(0, "The connection to the cluster at " + settings.endpoint() + " failed: " + e);
        } catch (MalformedBulkResponseException e) {
            whole = new ItemOutcome(0, e.getMessage());
        }
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            outcomes.add(whole);
        }
        return outcomes;
    }

    private static String truncated(String text) {
        return text.length() <= 4096 ? text : text.substring(0, 4096) + "…";
    }

    private FailedRecord failedRecord(BulkItem item, int attempts, String code, String message, long endMillis) {
        ObjectNode envelope = FailureEnvelope.of(item.record(), attempts, code, message, endMillis);
        envelope.put("esDocumentId", item.id());
        envelope.put("esIndexName", item.index());
        envelope.put("esTypeName", settings.typeName() == null ? "" : settings.typeName());
        return new FailedRecord(item.record(), names.errorOutputType(), FailureEnvelope.toBytes(envelope));
    }

    @Override
    public void close() {
        // the JDK client's connections close with it when it is collected
    }
}
