package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Second validation pass: collects constraint violations as the service reports them,
 * {@code Value <value> at '<path>' failed to satisfy constraint: <text>}, at most
 * {@value #MAX_ERRORS} (the service stops there too).
 *
 * <p>Paths: member names with a lower-case first letter, dotted for nesting, list elements as
 * {@code records.1.member.partitionKey} (1-based), map values as {@code tags.<key>.member}.
 * Scalar list elements and map keys/values are checked as a whole, as the service does:
 * <pre>
 *  Value '[a, bbb…, c]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]
 *  Value '{k=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [...]
 *  Value '{k=v}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [...]
 * </pre>
 * A null list element or map value is reported as {@code Value null at 'tagKeys.2.member' …
 * Member must not be null} (our choice: the service's handling of nulls inside collections is not
 * documented, and letting them through would hand nulls to the services).
 *
 * <p>Order: members in model order, depth first; per value: own constraints, aggregated element
 * constraints, then elements in order. The service's own order is not stable between calls.
 *
 * <p>Not thread-safe; one instance per check. Expects a tree that passed {@link TypeChecker}.
 */
final class ConstraintChecker {

    static final int MAX_ERRORS = 10;

    private final List<String> errors = new ArrayList<>();

    private ConstraintChecker() {
    }

    static List<String> check(StructureShape shape, JsonNode node) {
        ConstraintChecker checker = new ConstraintChecker();
        checker.structure(shape, node, null);
        return checker.errors;
    }

    private void structure(StructureShape shape, JsonNode node, Path parent) {
        for (Member member : shape.members()) {
            if (full()) {
                return;
            }
            JsonNode value = node.get(member.name());
            Path path = new Path(parent, member);
            if (value == null || value.isNull()) {
                if (member.required()) {
                    report(path, member.shape(), null, Constraints.NOT_NULL);
                }
            } else {
                value(member.shape(), value, path);
            }
        }
    }

    private void value(Shape shape, JsonNode value, Path path) {
        if (shape instanceof ListShape list) {
            list(list, value, path);
        } else if (shape instanceof MapShape map) {
            map(map, value, path);
        } else if (shape instanceof StructureShape structure) {
            structure(structure, value, path);
        } else {
            reportAll(path, shape, value, Constraints.violations(shape, value));
        }
    }

    private void list(ListShape shape, JsonNode array, Path path) {
        List<String> length = Constraints.lengthViolations(shape.minLength(), shape.maxLength(), array.size());
        reportAll(path, shape, array, length);
        if (isScalar(shape.member()) && anyViolates(shape.member(), array)) {
            report(path, shape, array, aggregate("Member must satisfy constraint: ", shape.member()));
        }
        for (int i = 0; i < array.size() && !full(); i++) {
            element(shape.member(), array.get(i), new Path(path, i + 1));
        }
    }

    private void map(MapShape shape, JsonNode object, Path path) {
        List<String> length = Constraints.lengthViolations(shape.minLength(), shape.maxLength(), object.size());
        reportAll(path, shape, object, length);
        if (anyKeyViolates(shape.key(), object)) {
            report(path, shape, object, aggregate("Map keys must satisfy constraint: ", shape.key()));
        }
        if (isScalar(shape.value()) && anyViolates(shape.value(), object)) {
            report(path, shape, object, aggregate("Map value must satisfy constraint: ", shape.value()));
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (full()) {
                return;
            }
            element(shape.value(), entry.getValue(), new Path(path, entry.getKey()));
        }
    }

    /** A list element or map value: nulls are reported, containers are descended into. */
    private void element(Shape shape, JsonNode value, Path path) {
        if (value.isNull()) {
            report(path, shape, null, Constraints.NOT_NULL);
        } else if (!isScalar(shape)) {
            value(shape, value, path);
        }
    }

    private static boolean anyViolates(Shape shape, Iterable<JsonNode> values) {
        for (JsonNode value : values) {
            if (!value.isNull() && !Constraints.violations(shape, value).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyKeyViolates(StringShape keyShape, JsonNode object) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!Constraints.violations(keyShape, TextNode.valueOf(entry.getKey())).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScalar(Shape shape) {
        return !(shape instanceof ListShape || shape instanceof MapShape || shape instanceof StructureShape);
    }

    private static String aggregate(String lead, Shape member) {
        return lead + "[" + String.join(", ", Constraints.declared(member)) + "]";
    }

    private void reportAll(Path path, Shape shape, JsonNode value, List<String> texts) {
        for (String text : texts) {
            report(path, shape, value, text);
        }
    }

    private boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    private void report(Path path, Shape shape, JsonNode value, String text) {
        if (!full()) {
            String shown = value == null ? "null" : "'" + ValueRenderer.render(shape, value) + "'";
            errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + text);
        }
    }

    /**
     * Where a value sits, spelled out only when a violation is reported: a 500-record PutRecords
     * that passes builds no path strings. {@code step} is a {@link Member}, a 1-based list index or a
     * map key.
     */
    private record Path(Path parent, Object step) {

        @Override
        public String toString() {
            String own = step instanceof Member member ? member.pathName() : step + ".member";
            return parent == null ? own : parent + "." + own;
        }
    }
}
