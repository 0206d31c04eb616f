package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.process.split.DelimitedSplitter;
import dev.freshet.delivery.process.split.JsonObjectSplitter;
import dev.freshet.delivery.process.split.MalformedRecordException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * RecordDeAggregation: splits each record into the records it aggregates, by
 * {@code SubRecordType} JSON (consecutive JSON objects or JSON lines) or DELIMITED (at the
 * base64-encoded {@code Delimiter}), at most {@link #MAX_SUB_RECORDS} per record as the service
 * caps it. A record that does not split cleanly fails alone. (KPL aggregated records are
 * de-aggregated for Kinesis-sourced streams by {@link KplDeaggregationProcessor}.)
 *
 * <p>Immutable; thread-safe.
 */
public final class RecordDeAggregationProcessor extends RecordByRecordProcessor {

    public static final int MAX_SUB_RECORDS = 500;
    static final String ERROR_CODE = "RecordDeAggregation.Failed";

    private final byte[] delimiter;

    /** @param delimiter null for JSON, the delimiter bytes for DELIMITED */
    public RecordDeAggregationProcessor(byte[] delimiter, Clock clock) {
        super(clock);
        this.delimiter = delimiter == null ? null : delimiter.clone();
    }

    static RecordDeAggregationProcessor from(ProcessorParameters parameters, Clock clock) {
        parameters.acceptOnly(Set.of("SubRecordType", "Delimiter"));
        String type = parameters.oneOf("SubRecordType", Set.of("JSON", "DELIMITED"), null);
        if (type.equals("JSON")) {
            if (parameters.optional("Delimiter").isPresent()) {
                throw parameters.invalid("parameter Delimiter of processor RecordDeAggregation is only allowed with "
                    + "SubRecordType DELIMITED");
            }
            return new RecordDeAggregationProcessor(null, clock);
        }
        String encoded = parameters.required("Delimiter");
        byte[] delimiter;
        try {
            delimiter = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw parameters.invalid("parameter Delimiter of processor RecordDeAggregation must be base64-encoded "
                + "(e.g. IyMjIw== for ####)");
        }
        if (delimiter.length == 0) {
            throw parameters.invalid("parameter Delimiter of processor RecordDeAggregation decodes to nothing");
        }
        return new RecordDeAggregationProcessor(delimiter, clock);
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException {
        List<byte[]> parts;
        try {
            parts = delimiter == null ? JsonObjectSplitter.split(record.data(), MAX_SUB_RECORDS)
                : DelimitedSplitter.split(record.data(), delimiter, MAX_SUB_RECORDS);
        } catch (MalformedRecordException e) {
            throw new RecordProcessingException(ERROR_CODE, "The record could not be de-aggregated: " + e.getMessage());
        }
        return subRecords(record, parts);
    }

    static List<DeliveryRecord> subRecords(DeliveryRecord record, List<byte[]> parts) {
        List<DeliveryRecord> out = new ArrayList<>(parts.size());
        for (byte[] part : parts) {
            out.add(SubRecordIds.subRecord(record, out.size(), part));
        }
        return out;
    }

    @Override
    protected String defaultErrorCode() {
        return ERROR_CODE;
    }
}
