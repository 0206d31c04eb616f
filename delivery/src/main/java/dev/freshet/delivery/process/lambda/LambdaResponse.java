package dev.freshet.delivery.process.lambda;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a transformation function's answer and holds it to the contract:
 *
 * <pre>
 * {"records":[{"recordId":"…","result":"Ok"|"Dropped"|"ProcessingFailed","data":"&lt;base64&gt;",
 *              "metadata":{"partitionKeys":{"k":"v", …}}}, …]}
 * </pre>
 *
 * Every record id sent must come back exactly once: a duplicate is
 * {@code Lambda.DuplicatedRecordId}, an id missing or replaced is {@code Lambda.MissingRecordId},
 * and either fails the whole invocation (messages as the service's error-log table words them). An answer that is not this shape (not JSON, no records
 * array, an unknown result, Ok without valid base64 data, partition keys that are not strings) is
 * {@code Lambda.JsonProcessingException}, also for the whole invocation.
 *
 * <p>Stateless; thread-safe.
 */
final class LambdaResponse {

    /** One record's answer. {@code data} is null unless the result is Ok. */
    record RecordResult(String result, byte[] data, Map<String, String> partitionKeys) {
    }

    static final String OK = "Ok";
    static final String DROPPED = "Dropped";
    static final String PROCESSING_FAILED = "ProcessingFailed";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LambdaResponse() {
    }

    /** The answers by record id, one for each of {@code sentIds}. */
    static Map<String, RecordResult> parse(byte[] body, List<String> sentIds) throws LambdaFailure {
        JsonNode records = records(body);
        Map<String, RecordResult> results = new HashMap<>();
        for (JsonNode entry : records) {
            JsonNode id = entry.get("recordId");
            if (id == null || !id.isTextual()) {
                throw invalid("a record of the response has no string recordId");
            }
            if (results.put(id.textValue(), result(entry)) != null) {
                throw new LambdaFailure(LambdaFailure.DUPLICATED_RECORD_ID, "Multiple records were returned with the "
                    + "same record ID. Ensure that the Lambda function returns unique record IDs for each record.",
                    false);
            }
        }
        if (results.size() != sentIds.size() || !results.keySet().containsAll(sentIds)) {
            throw new LambdaFailure(LambdaFailure.MISSING_RECORD_ID, "One or more record IDs were not returned. "
                + "Ensure that the Lambda function returns all received record IDs.", false);
        }
        return results;
    }

    private static JsonNode records(byte[] body) throws LambdaFailure {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid("the response is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("the response could not be read: " + e.getMessage());
        }
        JsonNode records = root == null ? null : root.get("records");
        if (records == null || !records.isArray()) {
            throw invalid("the response has no records array");
        }
        return records;
    }

    private static RecordResult result(JsonNode entry) throws LambdaFailure {
        String result = entry.path("result").asText("");
        switch (result) {
            case OK -> {
                return new RecordResult(OK, data(entry), partitionKeys(entry));
            }
            case DROPPED, PROCESSING_FAILED -> {
                return new RecordResult(result, null, Map.of());
            }
            default -> throw invalid("result must be Ok, Dropped or ProcessingFailed, got '" + result + "'");
        }
    }

    private static byte[] data(JsonNode entry) throws LambdaFailure {
        JsonNode data = entry.get("data");
        if (data == null || !data.isTextual()) {
            throw invalid("a record with result Ok has no base64 data");
        }
        try {
            return Base64.getDecoder().decode(data.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid("the data of a record is not valid base64");
        }
    }

    private static Map<String, String> partitionKeys(JsonNode entry) throws LambdaFailure {
        JsonNode metadata = entry.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        JsonNode keys = metadata.get("partitionKeys");
        if (keys == null || keys.isNull()) {
            return Map.of();
        }
        if (!keys.isObject()) {
            throw invalid("metadata.partitionKeys must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> key : keys.properties()) {
            if (!key.getValue().isValueNode() || key.getValue().isNull()) {
                throw invalid("partition key " + key.getKey() + " must be a string");
            }
            out.put(key.getKey(), key.getValue().asText());
        }
        return out;
    }

    /** The service's message for the code, then what exactly was wrong. */
    private static LambdaFailure invalid(String message) {
        return new LambdaFailure(LambdaFailure.JSON_PROCESSING, "There was an error parsing returned records from the "
            + "Lambda function. Ensure that the returned records follow the status model required by Firehose. ("
            + message + ")", false);
    }
}
