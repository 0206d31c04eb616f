package dev.freshet.delivery.destination.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The NDJSON body of one {@code _bulk} request: per item an action line and the document line.
 * <pre>
 * {"index":{"_index":"myindex-2016-02-25","_id":"…"[,"_type":"…"]}}\n
 * {…document…}\n
 * </pre>
 * Stateless.
 */
final class BulkBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkBody() {
    }

    static byte[] of(List<BulkItem> items, String typeName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (BulkItem item : items) {
            body.writeBytes(action(item, typeName));
            body.write('\n');
            body.writeBytes(item.source());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private static byte[] action(BulkItem item, String typeName) {
        ObjectNode action = JSON.createObjectNode();
        ObjectNode index = action.putObject("index");
        index.put("_index", item.index());
        if (item.id() != null) {
            index.put("_id", item.id());
        }
        if (typeName != null) {
            index.put("_type", typeName);
        }
        try {
            return JSON.writeValueAsBytes(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
