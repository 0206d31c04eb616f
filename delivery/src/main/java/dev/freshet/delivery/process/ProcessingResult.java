package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.util.List;

/**
 * The outcome of a processor over one buffer.
 *
 * @param records what goes on (Ok results), in order
 * @param failed records that failed processing, with their {@code processing-failed} envelopes
 * @param dropped how many records the processor dropped on purpose (Lambda "Dropped")
 */
public record ProcessingResult(List<DeliveryRecord> records, List<FailedRecord> failed, int dropped) {

    public ProcessingResult {
        records = List.copyOf(records);
        failed = List.copyOf(failed);
    }

    public static ProcessingResult unchanged(List<DeliveryRecord> records) {
        return new ProcessingResult(records, List.of(), 0);
    }
}
