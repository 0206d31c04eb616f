package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed read access to one decoded request structure (the top-level input or a nested one), by
 * model member name ({@code "StreamName"}, {@code "Records"}).
 *
 * <p>An absent member and an explicit null read as absent. A member of the wrong type throws a
 * {@link ProtocolException} (SerializationException, see {@link ValueReader} for the wording and
 * the number and timestamp rules); after {@link OperationModel#validate} that cannot happen for
 * modelled members. Blobs sent as text are decoded on every read until validation has replaced them
 * by their bytes (it does).
 *
 * <p>Not thread-safe: wraps a mutable Jackson tree; confine it to the request's thread.
 */
public final class Input {

    private final ObjectNode node;
    private final WireFormat format;

    Input(ObjectNode node, WireFormat format) {
        this.node = node;
        this.format = format;
    }

    /** An input with no members, as an empty request body decodes. */
    public static Input empty(WireFormat format) {
        return new Input(JsonNodeFactory.instance.objectNode(), format);
    }

    public WireFormat format() {
        return format;
    }

    /** The underlying tree, for members this class has no accessor for. */
    public ObjectNode node() {
        return node;
    }

    /** True when the member is present and not null. */
    public boolean has(String member) {
        return value(member) != null;
    }

    public Optional<String> string(String member) {
        return read(member, ValueReader::string);
    }

    public Optional<Integer> integer(String member) {
        return read(member, ValueReader::integer);
    }

    public Optional<Long> longInteger(String member) {
        return read(member, ValueReader::longInteger);
    }

    public Optional<Boolean> bool(String member) {
        return read(member, ValueReader::bool);
    }

    /** The blob's bytes; a CBOR byte string is returned without a copy (do not modify it). */
    public Optional<byte[]> blob(String member) {
        return read(member, ValueReader::blob);
    }

    public Optional<Instant> timestamp(String member) {
        return read(member, value -> ValueReader.timestamp(value, format));
    }

    public Optional<Input> structure(String member) {
        return read(member, value -> new Input(ValueReader.structure(value), format));
    }

    /** The elements of a list of structures; empty when absent. Null elements are skipped. */
    public List<Input> structures(String member) {
        return list(member, value -> new Input(ValueReader.structure(value), format));
    }

    /** The elements of a list of strings; empty when absent. Null elements are skipped. */
    public List<String> strings(String member) {
        return list(member, ValueReader::string);
    }

    /** A map of strings to strings in the request's order; empty when absent. Null values are skipped. */
    public Map<String, String> stringMap(String member) {
        JsonNode value = value(member);
        if (value == null) {
            return Collections.emptyMap();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : ValueReader.map(value).properties()) {
            if (!entry.getValue().isNull()) {
                result.put(entry.getKey(), ValueReader.string(entry.getValue()));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return format + " " + node;
    }

    private <T> Optional<T> read(String member, Function<JsonNode, T> reader) {
        JsonNode value = value(member);
        return value == null ? Optional.empty() : Optional.of(reader.apply(value));
    }

    private <T> List<T> list(String member, Function<JsonNode, T> reader) {
        JsonNode value = value(member);
        if (value == null) {
            return Collections.emptyList();
        }
        List<T> result = new ArrayList<>(value.size());
        for (JsonNode element : ValueReader.list(value)) {
            if (!element.isNull()) {
                result.add(reader.apply(element));
            }
        }
        return result;
    }

    private JsonNode value(String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }
}
