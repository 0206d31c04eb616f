package dev.freshet.delivery.process.jq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * A MetadataExtractionQuery compiled for JQ 1.6 (jackson-jq with {@link JqDateFunctions}): run on a
 * JSON record it must produce exactly one object whose values are strings, numbers or booleans,
 * e.g. {@code {customer_id:.customer_id, year:.ts|strftime("%Y")}} → {@code {customer_id: "42",
 * year: "2024"}}; those are the record's partition keys.
 *
 * <p>Immutable; thread-safe (each run gets its own child scope).
 */
public final class PartitionKeyQuery {

    private static final Scope ROOT = rootScope();

    private final String text;
    private final JsonQuery query;

    private PartitionKeyQuery(String text, JsonQuery query) {
        this.text = text;
        this.query = query;
    }

    /** @throws IllegalArgumentException with the parser's reason when the query does not compile */
    public static PartitionKeyQuery compile(String text) {
        try {
            return new PartitionKeyQuery(text, JsonQuery.compile(text, Versions.JQ_1_6));
        } catch (JsonQueryException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The partition keys of {@code record}, in the query's order.
     *
     * @throws PartitionKeyException when the query fails, yields no object or several, or a value
     *     is null, missing or not a scalar
     */
    public Map<String, String> keys(JsonNode record) throws PartitionKeyException {
        List<JsonNode> outputs = new ArrayList<>(1);
        try {
            query.apply(Scope.newChildScope(ROOT), record, outputs::add);
        } catch (JsonQueryException e) {
            throw new PartitionKeyException("The JQ query failed on the record: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new PartitionKeyException("The JQ query failed on the record: " + e);
        }
        if (outputs.size() != 1 || !outputs.get(0).isObject()) {
            throw new PartitionKeyException("The JQ query must produce exactly one JSON object, it produced "
                + (outputs.size() == 1 ? outputs.get(0).getNodeType() : outputs.size() + " values"));
        }
        return toKeys(outputs.get(0));
    }

    private static Map<String, String> toKeys(JsonNode object) throws PartitionKeyException {
        if (object.isEmpty()) {
            throw new PartitionKeyException("The JQ query produced no partition keys");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull() || value.isMissingNode() || value.isContainerNode()) {
                throw new PartitionKeyException("Partition key " + field.getKey() + " is "
                    + (value.isContainerNode() ? "not a scalar" : "null or missing") + " in the record");
            }
            keys.put(field.getKey(), scalarText(value));
        }
        return keys;
    }

    /** A number prints as jq prints it: 2024, not 2024.0. */
    private static String scalarText(JsonNode value) {
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e17) {
                return Long.toString((long) d);
            }
        }
        return value.asText();
    }

    public String text() {
        return text;
    }

    private static Scope rootScope() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
        JqDateFunctions.register(scope);
        return scope;
    }
}
