package dev.freshet.web.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.web.protocol.ProtocolException.Reason;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.io.IOException;

/**
 * Turns a request body into an {@link Input}: bytes to a Jackson tree whose top level must be an
 * object. An empty (or, in JSON, blank) body means {@code {}}. Given the operation's input shape,
 * a JSON body is read along it so that base64 blobs skip the text stage ({@link JsonModelReader}).
 *
 * <p>JSON is RFC 8259 without extensions. CBOR (RFC 8949) is read as the Java SDK writes it:
 * indefinite-length maps and arrays ({@code 0xbf … 0xff}), byte strings (major type 2) for blobs,
 * tag 1 with integer epoch milliseconds for timestamps (tags are otherwise ignored; CBOR
 * {@code undefined} reads as null). Refused, always as a SerializationException (HTTP 400):
 * malformed or truncated bytes, trailing data, duplicate member names, a non-object top level
 * ({@link Reason#MALFORMED_BODY}) and anything past the limits of {@link JacksonSetup}
 * ({@link Reason#LIMIT_EXCEEDED}). No other exception escapes, whatever the input.
 *
 * <p>Thread-safe (stateless).
 */
public final class RequestDecoder {

    private RequestDecoder() {
    }

    public static Input decode(WireFormat format, byte[] body) {
        return decode(format, body, 0, body == null ? 0 : body.length);
    }

    /**
     * As {@link #decode(WireFormat, byte[])}, for a body whose input shape is known: JSON blobs of
     * that shape come out already decoded ({@link JsonModelReader}). The validated input, and any
     * error, are the same as without the shape.
     */
    public static Input decode(WireFormat format, byte[] body, StructureShape shape) {
        int length = body == null ? 0 : body.length;
        if (format == WireFormat.JSON && length > 0) {
            ObjectNode root = JsonModelReader.read(shape, body, 0, length);
            if (root != null) {
                return new Input(root, format);
            }
        }
        return decode(format, body, 0, length);
    }

    public static Input decode(WireFormat format, byte[] body, int offset, int length) {
        if (length == 0) {
            return Input.empty(format);
        }
        JsonNode root = parse(format, body, offset, length);
        if (root == null || root.isMissingNode()) {
            return Input.empty(format);
        }
        return new Input(topLevelObject(root), format);
    }

    private static JsonNode parse(WireFormat format, byte[] body, int offset, int length) {
        try {
            return format.mapper().readTree(body, offset, length);
        } catch (StreamConstraintsException e) {
            throw refused(Reason.LIMIT_EXCEEDED, "Request body exceeds a limit: " + withoutSetting(e), e);
        } catch (JsonProcessingException e) {
            throw refused(Reason.MALFORMED_BODY, malformedMessage(format, e), e);
        } catch (IOException | RuntimeException e) {
            throw refused(Reason.MALFORMED_BODY, "Malformed " + format + " request body", e);
        }
    }

    private static ObjectNode topLevelObject(JsonNode root) {
        try {
            return ValueReader.structure(root);
        } catch (ProtocolException e) {
            throw new ProtocolException(e.error(), Reason.MALFORMED_BODY);
        }
    }

    private static String malformedMessage(WireFormat format, JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return original.replace("Duplicate field", "Duplicate member") + " in request body";
        }
        if (original.startsWith("Trailing token")) {
            return "Trailing data after the request body" + at(e.getLocation());
        }
        return "Malformed " + format + " request body" + at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        if (location == null) {
            return "";
        }
        long offset = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
        return offset >= 0 ? " at offset " + offset : "";
    }

    /** Jackson's limit message without its "from `StreamReadConstraints…`" pointer. */
    private static String withoutSetting(StreamConstraintsException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll(", from `[^`]*`", "");
    }

    private static ProtocolException refused(Reason reason, String message, Throwable cause) {
        return new ProtocolException(AwsError.serialization(message), reason, cause);
    }
}
