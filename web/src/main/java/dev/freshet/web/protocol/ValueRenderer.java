package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a value inside a ValidationException message the way the service's Java
 * {@code toString()} does:
 * <pre>
 *  string      as is                          foo bar
 *  integer     after truncation/saturation    2147483647
 *  blob        java.nio.HeapByteBuffer[pos=0 lim=5 cap=5]
 *  list        [a, b]   (elements printed by their shape)
 *  map         {k1=v1, k2=v2}   (request order)
 *  structure   com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@1f (hash of our tree, not the service's)
 *  null        null
 * </pre>
 * The result is cut to {@value #MAX_LENGTH} characters plus "...".
 *
 * <p>Thread-safe (stateless). Expects type-checked values.
 */
final class ValueRenderer {

    static final int MAX_LENGTH = 64 * 1024;
    private static final String NAMESPACE = "com.amazonaws.kinesis.v20131202.";

    private ValueRenderer() {
    }

    static String render(Shape shape, JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, shape, value);
        return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH) + "...";
    }

    private static void append(StringBuilder out, Shape shape, JsonNode value) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value == null || value.isNull()) {
            out.append("null");
        } else if (shape instanceof IntegerShape integer) {
            out.append(integer.isLong() ? ValueReader.longInteger(value) : ValueReader.integer(value));
        } else if (shape instanceof BlobShape) {
            int length = ValueReader.blob(value).length;
            out.append("java.nio.HeapByteBuffer[pos=0 lim=").append(length).append(" cap=").append(length).append(']');
        } else if (shape instanceof ListShape list) {
            appendList(out, list, value);
        } else if (shape instanceof MapShape map) {
            appendMap(out, map, value);
        } else if (shape instanceof StructureShape) {
            out.append(NAMESPACE).append(shape.name()).append('@').append(Integer.toHexString(value.hashCode()));
        } else {
            out.append(value.asText());
        }
    }

    private static void appendList(StringBuilder out, ListShape shape, JsonNode array) {
        out.append('[');
        Iterator<JsonNode> it = array.elements();
        while (it.hasNext() && out.length() <= MAX_LENGTH) {
            append(out, shape.member(), it.next());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append(']');
    }

    private static void appendMap(StringBuilder out, MapShape shape, JsonNode object) {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        while (it.hasNext() && out.length() <= MAX_LENGTH) {
            Map.Entry<String, JsonNode> entry = it.next();
            out.append(entry.getKey()).append('=');
            append(out, shape.value(), entry.getValue());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }
}
