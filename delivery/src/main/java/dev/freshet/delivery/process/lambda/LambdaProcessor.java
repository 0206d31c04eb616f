package dev.freshet.delivery.process.lambda;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.process.ProcessingFailures;
import dev.freshet.delivery.process.ProcessingResult;
import dev.freshet.delivery.process.ProcessorParameters;
import dev.freshet.delivery.process.RecordProcessor;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Lambda processor: sends the buffer to a transformation function in invocations of at most
 * {@code BufferSizeInMBs} of record data (and within Lambda's 6 MB payload), and applies its
 * answer — Ok records go on with the returned data and partition keys, Dropped ones are counted,
 * ProcessingFailed ones go to the error output ({@code Lambda.ProcessingFailedStatus}).
 *
 * <p>An invocation that fails (no answer in time, an error status, a function error) is retried
 * {@code NumberOfRetries} times (default 3, so up to 4 invocations, each with a fresh
 * invocationId and the same record ids), then all its records go to the error output with the
 * last error code and {@code attemptsMade}. An answer that breaks the contract (see
 * {@link LambdaResponse}) fails all its records at once without a retry. Nothing is dropped
 * silently: every record comes out delivered, dropped by the function, or failed.
 *
 * <p>Thread-safe: holds only its configuration.
 */
public final class LambdaProcessor implements RecordProcessor {

    static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024 * 1024);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String lambdaArn;
    private final int numberOfRetries;
    private final long bufferSizeBytes;
    private final int bufferIntervalSeconds;
    private final LambdaSettings settings;
    private final Clock clock;

    public LambdaProcessor(String lambdaArn, int numberOfRetries, long bufferSizeBytes, int bufferIntervalSeconds,
            LambdaSettings settings, Clock clock) {
        this.lambdaArn = lambdaArn;
        this.numberOfRetries = numberOfRetries;
        this.bufferSizeBytes = bufferSizeBytes;
        this.bufferIntervalSeconds = bufferIntervalSeconds;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads and checks the Lambda processor's parameters. */
    public static LambdaProcessor from(ProcessorParameters parameters, LambdaSettings settings, Clock clock) {
        parameters.acceptOnly(Set.of("LambdaArn", "NumberOfRetries", "BufferSizeInMBs", "BufferIntervalInSeconds"));
        String arn = parameters.required("LambdaArn");
        if (!LambdaTarget.isFunctionArn(arn) && !LambdaTarget.isHttpUrl(arn)) {
            throw parameters.invalid("parameter LambdaArn of processor Lambda must be a Lambda function ARN "
                + "(arn:aws:lambda:<region>:<account>:function:<name>) or an http(s):// function URL, got '" + arn
                + "'");
        }
        int retries = parameters.integer("NumberOfRetries", 0, 300, 3);
        BigDecimal sizeMb = parameters.decimal("BufferSizeInMBs", new BigDecimal("0.2"), BigDecimal.valueOf(3),
            BigDecimal.ONE);
        int interval = parameters.integer("BufferIntervalInSeconds", 0, 900, 60);
        long sizeBytes = sizeMb.multiply(MEBIBYTE).longValue();
        return new LambdaProcessor(arn, retries, sizeBytes, interval, settings, clock);
    }

    /** The Lambda buffering hint the engine may flush on (BufferSizeInMBs), in bytes. */
    public long bufferSizeBytes() {
        return bufferSizeBytes;
    }

    /** The Lambda buffering hint the engine may flush on (BufferIntervalInSeconds). */
    public int bufferIntervalSeconds() {
        return bufferIntervalSeconds;
    }

    @Override
    public ProcessingResult process(DeliveryStreamRef stream, List<DeliveryRecord> records)
            throws InterruptedException {
        Outcome outcome = new Outcome();
        Optional<URI> url = settings.resolve(lambdaArn);
        if (url.isEmpty()) {
            outcome.failAll(records, new LambdaFailure(LambdaFailure.RESOURCE_NOT_FOUND, "Function not found: "
                + lambdaArn + " (no URL for it in the server setting delivery-lambda-urls)", false), 1);
            return outcome.result();
        }
        for (List<DeliveryRecord> invocation : invocations(records, outcome)) {
            invoke(url.get(), stream, invocation, outcome);
        }
        return outcome.result();
    }

    /** Splits the buffer into invocations; a record too big for any invocation fails alone. */
    private List<List<DeliveryRecord>> invocations(List<DeliveryRecord> records, Outcome outcome) {
        long maxEvent = LambdaInvoker.MAX_PAYLOAD_BYTES - 1024;
        List<List<DeliveryRecord>> invocations = new ArrayList<>();
        List<DeliveryRecord> current = new ArrayList<>();
        long data = 0;
        long event = 0;
        for (DeliveryRecord record : records) {
            long entry = LambdaEvent.entrySize(record);
            if (entry > maxEvent) {
                outcome.failAll(List.of(record), new LambdaFailure("Lambda.RequestEntityTooLarge", "The record is too "
                    + "large for a Lambda invocation (" + LambdaInvoker.MAX_PAYLOAD_BYTES + " bytes)", false), 0);
                continue;
            }
            if (!current.isEmpty() && (data + record.data().length > bufferSizeBytes || event + entry > maxEvent)) {
                invocations.add(current);
                current = new ArrayList<>();
                data = 0;
                event = 0;
            }
            current.add(record);
            data += record.data().length;
            event += entry;
        }
        if (!current.isEmpty()) {
            invocations.add(current);
        }
        return invocations;
    }

    private void invoke(URI url, DeliveryStreamRef stream, List<DeliveryRecord> records, Outcome outcome)
            throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            LambdaEvent event = LambdaEvent.of(UUID.randomUUID().toString(), stream, records);
            try {
                byte[] answer = LambdaInvoker.invoke(url, event.body(), settings.invocationTimeout());
                outcome.apply(records, event.recordIds(), LambdaResponse.parse(answer, event.recordIds()), attempt);
                return;
            } catch (LambdaFailure failure) {
                if (!failure.retryable() || attempt > numberOfRetries) {
                    outcome.failAll(records, failure, attempt);
                    return;
                }
                Thread.sleep(backoff(attempt).toMillis());
            }
        }
    }

    private Duration backoff(int attempt) {
        Duration pause = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    /** What became of the buffer so far. Not thread-safe (one per call). */
    private final class Outcome {
        private final List<DeliveryRecord> delivered = new ArrayList<>();
        private final List<FailedRecord> failed = new ArrayList<>();
        private int dropped;

        void apply(List<DeliveryRecord> records, List<String> ids, Map<String, LambdaResponse.RecordResult> results,
                int attempt) {
            for (int i = 0; i < records.size(); i++) {
                DeliveryRecord record = records.get(i);
                LambdaResponse.RecordResult result = results.get(ids.get(i));
                switch (result.result()) {
                    case LambdaResponse.OK -> {
                        Map<String, String> keys = new HashMap<>(record.partitionKeys());
                        keys.putAll(result.partitionKeys());
                        delivered.add(record.withData(result.data()).withPartitionKeys(keys));
                    }
                    case LambdaResponse.DROPPED -> dropped++;
                    default -> failed.add(envelope(record, "Lambda.ProcessingFailedStatus",
                        "ProcessingFailed status set for record", attempt));
                }
            }
        }

        void failAll(List<DeliveryRecord> records, LambdaFailure failure, int attempts) {
            for (DeliveryRecord record : records) {
                failed.add(envelope(record, failure.errorCode(), failure.getMessage(), attempts));
            }
        }

        private FailedRecord envelope(DeliveryRecord record, String code, String message, int attempts) {
            return ProcessingFailures.envelope(record, ProcessingFailures.PROCESSING_FAILED, code, message, attempts,
                clock.millis(), lambdaArn);
        }

        ProcessingResult result() {
            return new ProcessingResult(delivered, failed, dropped);
        }
    }
}
