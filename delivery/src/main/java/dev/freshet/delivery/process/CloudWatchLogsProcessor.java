package dev.freshet.delivery.process;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudWatchLogProcessing with {@code DataMessageExtraction=true}: a decompressed CloudWatch Logs
 * subscription record
 *
 * <pre>
 * {"messageType":"DATA_MESSAGE","owner":"…","logGroup":"…","logStream":"…","subscriptionFilters":[…],
 *  "logEvents":[{"id":"…","timestamp":1432826855000,"message":"…"}, …]}
 * </pre>
 *
 * becomes its log events' messages only, one record per event, each ending with a newline (the
 * service's "message extraction" output has one message per line). A {@code CONTROL_MESSAGE}
 * (CloudWatch Logs checking that the destination is reachable) carries no log events and is
 * dropped. Anything else — not JSON, another messageType, events without a string message — is a
 * processing failure of that record.
 *
 * <p>Immutable; thread-safe.
 */
public final class CloudWatchLogsProcessor extends RecordByRecordProcessor {

    static final String ERROR_CODE = "CloudWatchLogProcessing.InvalidLogData";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public CloudWatchLogsProcessor(Clock clock) {
        super(clock);
    }

    static CloudWatchLogsProcessor from(ProcessorParameters parameters, Clock clock) {
        parameters.acceptOnly(Set.of("DataMessageExtraction"));
        String extraction = parameters.oneOf("DataMessageExtraction", Set.of("true", "false"), null);
        if (!extraction.equals("true")) {
            throw parameters.invalid("processor CloudWatchLogProcessing requires parameter DataMessageExtraction "
                + "to be true");
        }
        return new CloudWatchLogsProcessor(clock);
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException {
        JsonNode envelope = parse(record.data());
        String messageType = envelope.path("messageType").asText("");
        if (messageType.equals("CONTROL_MESSAGE")) {
            return List.of();
        }
        if (!messageType.equals("DATA_MESSAGE")) {
            throw new RecordProcessingException(ERROR_CODE,
                "The record is not a CloudWatch Logs DATA_MESSAGE or CONTROL_MESSAGE");
        }
        JsonNode events = envelope.get("logEvents");
        if (events == null || !events.isArray()) {
            throw new RecordProcessingException(ERROR_CODE, "The CloudWatch Logs record has no logEvents array");
        }
        List<DeliveryRecord> out = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            JsonNode message = event.get("message");
            if (message == null || !message.isTextual()) {
                throw new RecordProcessingException(ERROR_CODE,
                    "A CloudWatch Logs log event has no string message");
            }
            byte[] line = (message.textValue() + "\n").getBytes(StandardCharsets.UTF_8);
            out.add(SubRecordIds.subRecord(record, out.size(), line));
        }
        return out;
    }

    private static JsonNode parse(byte[] data) throws RecordProcessingException {
        try {
            JsonNode node = JSON.readTree(data);
            if (node == null || !node.isObject()) {
                throw new RecordProcessingException(ERROR_CODE, "The record is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new RecordProcessingException(ERROR_CODE, "The record is not CloudWatch Logs JSON: "
                + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new RecordProcessingException(ERROR_CODE, "The record could not be read: " + e.getMessage());
        }
    }

    @Override
    protected String defaultErrorCode() {
        return ERROR_CODE;
    }
}
