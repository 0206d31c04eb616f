package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: request bodies from JSON text or hex, plain (unconfigured) Jackson mappers. */
final class Bodies {

    static final ObjectMapper PLAIN_JSON = new ObjectMapper();
    static final ObjectMapper PLAIN_CBOR = new CBORMapper();

    private Bodies() {
    }

    /** JSON text with single quotes for readability: {'a':1} becomes {"a":1}. */
    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    /** The same document as CBOR, written the way Jackson's generator (and the Java SDK) do: indefinite lengths. */
    static byte[] cbor(String singleQuoted) {
        try {
            JsonNode tree = PLAIN_JSON.readTree(json(singleQuoted));
            return PLAIN_CBOR.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static Input decodeJson(String singleQuoted) {
        return RequestDecoder.decode(WireFormat.JSON, json(singleQuoted));
    }

    static Input decodeCbor(String singleQuoted) {
        return RequestDecoder.decode(WireFormat.CBOR, cbor(singleQuoted));
    }

    static JsonNode parseJson(byte[] bytes) {
        try {
            return PLAIN_JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parseCbor(byte[] bytes) {
        try {
            return PLAIN_CBOR.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
