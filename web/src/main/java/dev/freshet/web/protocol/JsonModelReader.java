package dev.freshet.web.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.io.IOException;

/**
 * Reads a JSON request body into the tree {@code readTree} would build, walking it along the
 * operation's input shape so that blob members arrive already decoded: a blob written as canonical
 * base64 ({@link Base64Bytes}) becomes a {@link BinaryNode} decoded from the body's bytes, instead
 * of a {@code String}, a {@link TextNode} and a second decode in {@link TypeChecker}, and the parser
 * is told where the string ends ({@link KnownEndJsonParser}) instead of scanning it. For a
 * PutRecords call of 500 records those scans and decodes were most of the decoding cost.
 *
 * <p>Everything else is left as {@code readTree} leaves it: strings become text nodes here,
 * numbers, unmodelled members and values of an unexpected type go to Jackson's own tree
 * deserializer, and a blob that is not canonical base64 stays text, for {@link TypeChecker} to
 * decode or refuse with the service's words. So the validated tree, and every error, is the same
 * as on the plain path. The reader gives up (answers null) on anything that must become an error
 * — malformed bytes, a limit, trailing data, a top level that is not an object — and the caller
 * decodes the body the plain way, which words that error.
 *
 * <p>Thread-safe (stateless; a parser per call).
 */
final class JsonModelReader {

    private static final ObjectReader TREES =
            WireFormat.JSON.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = WireFormat.JSON.mapper().getNodeFactory();

    private final KnownEndJsonParser parser;
    private final byte[] body;
    private final int end;

    private JsonModelReader(KnownEndJsonParser parser, byte[] body, int end) {
        this.parser = parser;
        this.body = body;
        this.end = end;
    }

    /** The body's top-level object, or null when the plain path must decide (including errors). */
    static ObjectNode read(StructureShape shape, byte[] body, int offset, int length) {
        try (JsonParser parser = WireFormat.JSON.mapper().getFactory().createParser(body, offset, length)) {
            if (!(parser instanceof KnownEndJsonParser knownEnd) || parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode root = new JsonModelReader(knownEnd, body, offset + length).structure(shape);
            return parser.nextToken() == null ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ObjectNode structure(StructureShape shape) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            object.set(name, value(memberShape(shape, name)));
        }
        return object;
    }

    private ArrayNode list(ListShape shape) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(shape.member()));
        }
        return array;
    }

    /** The value at the current token; {@code shape} is null for an unmodelled member. */
    private JsonNode value(Shape shape) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            JsonNode blob = shape instanceof BlobShape ? blob() : null;
            return blob != null ? blob : TextNode.valueOf(parser.getText());
        }
        if (token == JsonToken.START_OBJECT && shape instanceof StructureShape structure) {
            return structure(structure);
        }
        if (token == JsonToken.START_ARRAY && shape instanceof ListShape list) {
            return list(list);
        }
        return TREES.readTree(parser);
    }

    /**
     * The current string decoded from the body, or null when it is not canonical base64 (the
     * parser has not read it yet, and reads it as text). When it is, the parser steps past it
     * without scanning it again: canonical base64 of n bytes is exactly 4⌈n/3⌉ characters long.
     */
    private BinaryNode blob() {
        int quote = parser.unreadStringStart();
        if (quote < 0) {
            return null;
        }
        byte[] bytes = Base64Bytes.decodeString(body, quote, end, JacksonSetup.MAX_STRING_LENGTH);
        if (bytes == null) {
            return null;
        }
        parser.skipStringEndingAt(quote + 1 + (bytes.length + 2) / 3 * 4);
        return BinaryNode.valueOf(bytes);
    }

    /** A linear search: inputs have a handful of members, and a shape's hash code is deep. */
    private static Shape memberShape(StructureShape shape, String name) {
        for (Member member : shape.members()) {
            if (member.name().equals(name)) {
                return member.shape();
            }
        }
        return null;
    }
}
