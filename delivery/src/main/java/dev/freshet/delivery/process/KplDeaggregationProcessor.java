package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.process.split.KplAggregatedRecord;
import dev.freshet.delivery.process.split.MalformedRecordException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * De-aggregates KPL aggregated records of a Kinesis-sourced delivery stream before any other
 * processing, as the service does ("Firehose de-aggregates the records before it delivers them"
 * and before Lambda). A record that is not aggregated passes unchanged; one that claims to be and
 * is malformed fails alone.
 *
 * <p>Immutable; thread-safe.
 */
public final class KplDeaggregationProcessor extends RecordByRecordProcessor {

    static final String ERROR_CODE = "KPL.DeaggregationFailed";

    public KplDeaggregationProcessor(Clock clock) {
        super(clock);
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException {
        Optional<List<KplAggregatedRecord.UserRecord>> users;
        try {
            users = KplAggregatedRecord.decode(record.data());
        } catch (MalformedRecordException e) {
            throw new RecordProcessingException(ERROR_CODE, "Malformed KPL aggregated record: " + e.getMessage());
        }
        if (users.isEmpty()) {
            return List.of(record);
        }
        List<byte[]> parts = new ArrayList<>(users.get().size());
        for (KplAggregatedRecord.UserRecord user : users.get()) {
            parts.add(user.data());
        }
        return RecordDeAggregationProcessor.subRecords(record, parts);
    }

    @Override
    protected String defaultErrorCode() {
        return ERROR_CODE;
    }
}
