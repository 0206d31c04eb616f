package dev.freshet.delivery.destination.http;

import dev.freshet.delivery.DeliveryBatch;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.DeliveryResult;
import dev.freshet.delivery.destination.Destination;
import dev.freshet.delivery.destination.FailedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers batches to an HTTP endpoint by the Firehose HTTP endpoint delivery protocol 1.0
 * (see {@link HttpEndpointRequest} for the body, {@link HttpEndpointClient} for the headers and how
 * answers are judged).
 *
 * <p>A batch goes as one request, or several when it exceeds 10,000 records or 64 MiB, sent in
 * order. A failed request is sent again, byte for byte with the same request id, after the
 * documented backoff; the retry duration (RetryOptions.DurationInSeconds, 0 = no retry) counts
 * from the first failure, and a request in flight when it runs out is still awaited. A 413 is
 * never retried. Records of a request given up on come back as {@code http-endpoint-failed}
 * {@link FailedRecord}s for the error output. (The service drops a 413'd batch instead of writing
 * it to the error bucket; Freshet keeps it there so nothing is lost silently.)
 *
 * <p>S3BackupMode AllData (every record also to S3) is the engine's part, with the S3Configuration
 * of {@link HttpEndpointSettings}.
 *
 * <p>Thread-safe in the sense the seam needs: one delivery thread calls {@link #deliver}.
 */
public final class HttpEndpointDestination implements Destination {

    /** The service's response timeout per request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpointDestination.class);

    private final DeliveryStreamRef stream;
    private final HttpEndpointSettings settings;
    private final HttpEndpointClient client;
    private final HttpEndpointMetrics metrics;
    private final Clock clock;

    public HttpEndpointDestination(DeliveryStreamRef stream, HttpEndpointSettings settings, Duration requestTimeout,
            HttpEndpointMetrics metrics, Clock clock) {
        this.stream = stream;
        this.settings = settings;
        this.client = new HttpEndpointClient(settings, stream.arn(), requestTimeout);
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The destination for a stream whose destination kind is HTTP_ENDPOINT.
     *
     * @throws dev.freshet.delivery.DeliveryException INVALID_ARGUMENT for a configuration it cannot run
     */
    public static HttpEndpointDestination from(DeliveryStreamSpec spec, HttpEndpointMetrics metrics) {
        return from(spec, metrics, DEFAULT_REQUEST_TIMEOUT);
    }

    public static HttpEndpointDestination from(DeliveryStreamSpec spec, HttpEndpointMetrics metrics,
            Duration requestTimeout) {
        if (spec.destinationKind() != DestinationKind.HTTP_ENDPOINT) {
            throw new IllegalArgumentException("not an HTTP endpoint stream: " + spec.destinationKind());
        }
        return new HttpEndpointDestination(spec.ref(), HttpEndpointSettings.parse(spec.destinationConfiguration()),
            requestTimeout, metrics, Clock.systemUTC());
    }

    public HttpEndpointSettings settings() {
        return settings;
    }

    @Override
    public DeliveryResult deliver(DeliveryBatch batch) throws InterruptedException {
        List<FailedRecord> failed = new ArrayList<>();
        for (List<DeliveryRecord> run : HttpEndpointRequest.split(batch.records())) {
            failed.addAll(deliverRequest(HttpEndpointRequest.of(run, clock.millis(), settings.gzip())));
        }
        return new DeliveryResult(failed);
    }

    /** Sends one request until it is delivered or given up on; returns the records given up on. */
    private List<FailedRecord> deliverRequest(HttpEndpointRequest request) throws InterruptedException {
        RetryBackoff backoff = new RetryBackoff(ThreadLocalRandom.current());
        Instant retryEnds = null;
        for (int attempt = 1; ; attempt++) {
            metrics.attempted(request.records().size(), request.dataBytes());
            AttemptOutcome outcome = client.send(request);
            metrics.answered(outcome.kind() == AttemptOutcome.Kind.DELIVERED);
            if (outcome.kind() == AttemptOutcome.Kind.DELIVERED) {
                delivered(request);
                return List.of();
            }
            Instant now = clock.instant();
            retryEnds = retryEnds != null ? retryEnds : now.plus(settings.retryDuration());
            Duration left = Duration.between(now, retryEnds);
            if (outcome.kind() == AttemptOutcome.Kind.PERMANENT || left.isNegative() || left.isZero()) {
                return gaveUp(request, attempt, outcome);
            }
            LOG.debug("{}: request {} failed ({}), retrying: {}", stream.name(), request.requestId(),
                outcome.errorCode(), outcome.errorMessage());
            Duration wait = backoff.next();
            Thread.sleep((wait.compareTo(left) < 0 ? wait : left).toMillis());
        }
    }

    private void delivered(HttpEndpointRequest request) {
        long oldest = Long.MAX_VALUE;
        for (DeliveryRecord record : request.records()) {
            oldest = Math.min(oldest, record.arrivalMillis());
        }
        metrics.delivered(request.records().size(), request.dataBytes(), Math.max(0, clock.millis() - oldest));
    }

    private List<FailedRecord> gaveUp(HttpEndpointRequest request, int attempts, AttemptOutcome outcome) {
        LOG.warn("{}: gave up on request {} of {} records after {} attempts: {} {}", stream.name(),
            request.requestId(), request.records().size(), attempts, outcome.errorCode(), outcome.errorMessage());
        metrics.gaveUp(request.records().size());
        long ended = clock.millis();
        List<FailedRecord> failed = new ArrayList<>(request.records().size());
        for (DeliveryRecord record : request.records()) {
            failed.add(FailureEnvelope.of(record, attempts, outcome, ended));
        }
        return failed;
    }

    @Override
    public void close() {
        // JDK 17's HttpClient has no close(); its selector thread ends once the client is unreachable
    }
}
