package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.destination.FailedRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in processor that looks at one record at a time: each record becomes zero or more
 * records, or fails alone. Whatever a record does to the parser (malformed bytes, an exception
 * the parser did not foresee) stays with that record: it becomes a processing failure and never
 * escapes {@link #process}.
 *
 * <p>Thread-safe when {@link #processRecord} is.
 */
public abstract class RecordByRecordProcessor implements RecordProcessor {

    private final Clock clock;

    protected RecordByRecordProcessor(Clock clock) {
        this.clock = clock;
    }

    /**
     * The records {@code record} becomes: itself changed, several (split), or none (dropped on
     * purpose, e.g. a CloudWatch Logs CONTROL_MESSAGE).
     */
    protected abstract List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException;

    /** The error-output folder of this processor's failures. */
    protected String errorOutputType() {
        return ProcessingFailures.PROCESSING_FAILED;
    }

    /** The error code of failures the parser did not name (unexpected exceptions). */
    protected abstract String defaultErrorCode();

    @Override
    public ProcessingResult process(DeliveryStreamRef stream, List<DeliveryRecord> records) {
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        List<FailedRecord> failed = new ArrayList<>();
        int dropped = 0;
        for (DeliveryRecord record : records) {
            try {
                List<DeliveryRecord> produced = processRecord(record);
                dropped += produced.isEmpty() ? 1 : 0;
                out.addAll(produced);
            } catch (RecordProcessingException e) {
                failed.add(fail(record, e.errorCode(), e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                failed.add(fail(record, defaultErrorCode(), "Unexpected processing error: " + e));
            }
        }
        return new ProcessingResult(out, failed, dropped);
    }

    private FailedRecord fail(DeliveryRecord record, String errorCode, String message) {
        return ProcessingFailures.envelope(record, errorOutputType(), errorCode, message, 1, clock.millis(), null);
    }
}
