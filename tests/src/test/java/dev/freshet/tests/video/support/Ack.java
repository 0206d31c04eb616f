package dev.freshet.tests.video.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One PutMedia acknowledgement, a line of the response body:
 * {@code {"EventType":"BUFFERING|RECEIVED|PERSISTED|ERROR|IDLE","FragmentTimecode":…,"FragmentNumber":"…","ErrorId":…}}.
 * Missing members are null.
 */
public record Ack(String eventType, Long fragmentTimecode, String fragmentNumber, Integer errorId, String line) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Ack parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AssertionError("PutMedia ack is not a JSON object: " + line);
            }
            return new Ack(node.path("EventType").asText(null),
                    node.hasNonNull("FragmentTimecode") ? node.get("FragmentTimecode").asLong() : null,
                    node.hasNonNull("FragmentNumber") ? node.get("FragmentNumber").asText() : null,
                    node.hasNonNull("ErrorId") ? node.get("ErrorId").asInt() : null, line);
        } catch (IOException e) {
            throw new AssertionError("PutMedia ack is not JSON: " + line, e);
        }
    }

    public boolean is(String type) {
        return type.equals(eventType);
    }

    public boolean isError() {
        return is("ERROR");
    }
}
