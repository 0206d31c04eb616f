package dev.freshet.delivery.destination.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code _bulk} response into one outcome per item, in request order:
 * <pre>
 * {"took":…,"errors":true,"items":[{"index":{"_index":…,"_id":…,"status":201,…}},
 *                                  {"index":{…,"status":400,"error":{"type":…,"reason":…}}}]}
 * </pre>
 * Stateless; the response comes from the network and is not trusted: anything else is a
 * {@link MalformedBulkResponseException}.
 */
final class BulkResponse {

    /** One item's outcome: {@code error} is the cluster's error object as JSON text, null on success. */
    record ItemOutcome(int status, String error) {
        boolean succeeded() {
            return status >= 200 && status < 300 && error == null;
        }
    }

    /** The response is not the {@code _bulk} answer for the request sent. */
    static final class MalformedBulkResponseException extends Exception {
        MalformedBulkResponseException(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkResponse() {
    }

    static List<ItemOutcome> parse(byte[] body, int expectedItems) throws MalformedBulkResponseException {
        JsonNode items;
        try {
            items = JSON.readTree(body).path("items");
        } catch (IOException | RuntimeException e) {
            throw new MalformedBulkResponseException("the _bulk response is not JSON: " + e.getMessage());
        }
        if (!items.isArray() || items.size() != expectedItems) {
            throw new MalformedBulkResponseException("the _bulk response has no items array of " + expectedItems + " entries");
        }
        List<ItemOutcome> outcomes = new ArrayList<>(expectedItems);
        for (JsonNode item : items) {
            JsonNode result = item.path("index");
            if (!result.path("status").isInt()) {
                throw new MalformedBulkResponseException("a _bulk response item has no index status: " + item);
            }
            JsonNode error = result.get("error");
            outcomes.add(new ItemOutcome(result.get("status").intValue(), error == null || error.isNull() ? null : error.toString()));
        }
        return outcomes;
    }
}
