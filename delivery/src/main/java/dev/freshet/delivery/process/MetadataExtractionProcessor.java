package dev.freshet.delivery.process;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.process.jq.PartitionKeyException;
import dev.freshet.delivery.process.jq.PartitionKeyQuery;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MetadataExtraction: dynamic partitioning keys from a JQ query over each JSON record
 * ({@code MetadataExtractionQuery}, {@code JsonParsingEngine} JQ-1.6). The keys join those a
 * Lambda gave (a key of the same name is replaced). A record that is not JSON, on which the query
 * fails, or that lacks a key goes to the error output with
 * {@code DynamicPartitioning.MetadataExtractionFailed}, as the service files it.
 *
 * <p>Immutable; thread-safe.
 */
public final class MetadataExtractionProcessor extends RecordByRecordProcessor {

    static final String ERROR_CODE = "DynamicPartitioning.MetadataExtractionFailed";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PartitionKeyQuery query;

    public MetadataExtractionProcessor(PartitionKeyQuery query, Clock clock) {
        super(clock);
        this.query = query;
    }

    static MetadataExtractionProcessor from(ProcessorParameters parameters, Clock clock) {
        parameters.acceptOnly(Set.of("MetadataExtractionQuery", "JsonParsingEngine"));
        parameters.oneOf("JsonParsingEngine", Set.of("JQ-1.6"), null);
        String text = parameters.required("MetadataExtractionQuery");
        try {
            return new MetadataExtractionProcessor(PartitionKeyQuery.compile(text), clock);
        } catch (IllegalArgumentException e) {
            throw parameters.invalid("parameter MetadataExtractionQuery of processor MetadataExtraction is not a "
                + "valid JQ query: " + e.getMessage());
        }
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException {
        JsonNode json;
        try {
            json = JSON.readTree(record.data());
        } catch (JacksonException e) {
            throw new RecordProcessingException(ERROR_CODE, "Non JSON record provided");
        } catch (IOException e) {
            throw new RecordProcessingException(ERROR_CODE, "The record could not be read: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new RecordProcessingException(ERROR_CODE, "Non JSON record provided");
        }
        try {
            Map<String, String> keys = new HashMap<>(record.partitionKeys());
            keys.putAll(query.keys(json));
            return List.of(record.withPartitionKeys(keys));
        } catch (PartitionKeyException e) {
            throw new RecordProcessingException(ERROR_CODE, e.getMessage());
        }
    }

    @Override
    protected String defaultErrorCode() {
        return ERROR_CODE;
    }
}
