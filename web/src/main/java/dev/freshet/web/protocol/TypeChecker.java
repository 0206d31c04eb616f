package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.BooleanShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import dev.freshet.web.protocol.Shape.TimestampShape;
import java.util.Map;

/**
 * First validation pass, the part the service's deserializer does: every modelled member present
 * must have its shape's type, else the first mismatch (in model order, depth first) becomes a
 * SerializationException worded by {@link ValueReader}. Unknown members are not looked at.
 *
 * <p>It also normalizes the tree so later reads are cheap and the second pass sees final values:
 * blobs sent as base64 text become binary nodes, booleans sent as "true"/"false" become booleans.
 *
 * <p>Not thread-safe; one instance per check.
 */
final class TypeChecker {

    private final WireFormat format;

    private TypeChecker(WireFormat format) {
        this.format = format;
    }

    static void check(StructureShape shape, ObjectNode node, WireFormat format) {
        new TypeChecker(format).structure(shape, node);
    }

    private void structure(StructureShape shape, ObjectNode node) {
        for (Member member : shape.members()) {
            JsonNode value = node.get(member.name());
            if (value != null && !value.isNull()) {
                JsonNode checked = check(member.shape(), value);
                if (checked != value) {
                    node.set(member.name(), checked);
                }
            }
        }
    }

    /** Checks {@code value} against {@code shape}; returns it, or the node that should replace it. */
    private JsonNode check(Shape shape, JsonNode value) {
        if (shape instanceof StringShape) {
            ValueReader.string(value);
        } else if (shape instanceof IntegerShape integer) {
            checkInteger(integer, value);
        } else if (shape instanceof BooleanShape) {
            return BooleanNode.valueOf(ValueReader.bool(value));
        } else if (shape instanceof BlobShape) {
            return value.isBinary() ? value : BinaryNode.valueOf(ValueReader.blob(value));
        } else if (shape instanceof TimestampShape) {
            ValueReader.timestamp(value, format);
        } else if (shape instanceof ListShape list) {
            elements(list, ValueReader.list(value));
        } else if (shape instanceof MapShape map) {
            entries(map, ValueReader.map(value));
        } else {
            structure((StructureShape) shape, ValueReader.structure(value));
        }
        return value;
    }

    private static void checkInteger(IntegerShape shape, JsonNode value) {
        if (shape.isLong()) {
            ValueReader.longInteger(value);
        } else {
            ValueReader.integer(value);
        }
    }

    private void elements(ListShape shape, ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isNull()) {
                JsonNode checked = check(shape.member(), element);
                if (checked != element) {
                    array.set(i, checked);
                }
            }
        }
    }

    private void entries(MapShape shape, ObjectNode object) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                JsonNode checked = check(shape.value(), value);
                if (checked != value) {
                    entry.setValue(checked);
                }
            }
        }
    }
}
