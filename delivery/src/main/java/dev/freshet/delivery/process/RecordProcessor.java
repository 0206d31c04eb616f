package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryRecord;
import java.util.List;

/**
 * One step of a delivery stream's ProcessingConfiguration (Lambda, RecordDeAggregation,
 * Decompression, CloudWatchLogProcessing, MetadataExtraction, AppendDelimiterToRecord), applied to a
 * flushed buffer before compression and delivery.
 *
 * <p>Implementations are thread-safe; a stream calls them from its delivery thread.
 */
public interface RecordProcessor {

    /**
     * Processes the records in order. The result lists what to deliver (possibly more records than
     * came in, e.g. de-aggregation, or fewer, e.g. Dropped) and what failed, for the error output
     * ({@code processing-failed}). Every input record is accounted for: delivered (possibly as
     * several), dropped, or failed.
     *
     * @throws InterruptedException when the stream is stopping
     */
    ProcessingResult process(DeliveryStreamRef stream, List<DeliveryRecord> records) throws InterruptedException;
}
