package dev.freshet.web.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * The two body encodings of the Kinesis JSON-RPC protocol: AWS JSON 1.1 and AWS CBOR 1.1.
 *
 * <p>Requests name their encoding in {@code Content-Type}; the response and any error are written in
 * the same encoding. {@code application/x-amz-json-1.0} and the legacy Coral {@code application/json}
 * are read as JSON too (the real service rejects 1.0; accepting it costs nothing).
 *
 * <p>Thread-safe: the mappers are configured once and never reconfigured.
 */
public enum WireFormat {

    /** {@code application/x-amz-json-1.1}: blobs as base64 text, timestamps as epoch seconds. */
    JSON("application/x-amz-json-1.1", JacksonSetup.jsonMapper()),

    /** {@code application/x-amz-cbor-1.1}: blobs as byte strings, timestamps as epoch milliseconds. */
    CBOR("application/x-amz-cbor-1.1", JacksonSetup.cborMapper());

    private final String contentType;
    private final ObjectMapper mapper;

    WireFormat(String contentType, ObjectMapper mapper) {
        this.contentType = contentType;
        this.mapper = mapper;
    }

    /**
     * The format a request's {@code Content-Type} selects, ignoring parameters such as
     * {@code ; charset=utf-8} and letter case; empty for anything else (including null).
     */
    public static Optional<WireFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim().toLowerCase(Locale.ROOT);
        switch (mediaType) {
            case "application/x-amz-json-1.1":
            case "application/x-amz-json-1.0":
            case "application/json":
                return Optional.of(JSON);
            case "application/x-amz-cbor-1.1":
                return Optional.of(CBOR);
            default:
                return Optional.empty();
        }
    }

    /** The {@code Content-Type} of responses and errors written in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The shared mapper of this format (a {@code JsonMapper} or a {@code CBORMapper}), configured
     * with the request limits of {@link RequestDecoder}. Thread-safe; do not reconfigure it.
     */
    public ObjectMapper mapper() {
        return mapper;
    }
}
