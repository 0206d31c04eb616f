package dev.freshet.delivery.destination.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.freshet.delivery.DeliveryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One record as an {@code index} action of a {@code _bulk} request.
 *
 * @param record the record
 * @param index the index it goes to (IndexName plus the rotation suffix of its arrival time)
 * @param id its document id, or null to let the cluster choose one (NO_DOCUMENT_ID)
 * @param source the document line: the record's bytes when they hold no line break, else the
 *     record parsed and written compactly (a pretty-printed JSON object is one line in NDJSON)
 */
record BulkItem(DeliveryRecord record, String index, String id, byte[] source) {

    // numbers keep their digits when a document is re-written (no double rounding)
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    /** The longest document id OpenSearch and Elasticsearch accept, in UTF-8 bytes. */
    private static final int MAX_ID_BYTES = 512;

    /**
     * The item for a record, or null when the record cannot be framed as one NDJSON line (empty,
     * or broken over lines without being JSON): sending it would corrupt the rest of the request.
     * Anything else is sent as it is, and the cluster fails what is not a JSON object for itself.
     */
    static BulkItem of(DeliveryRecord record, String index, boolean firehoseDocumentIds) {
        byte[] source = sourceLine(record.data());
        if (source == null) {
            return null;
        }
        return new BulkItem(record, index, firehoseDocumentIds ? documentId(record.recordId()) : null, source);
    }

    private static byte[] sourceLine(byte[] data) {
        if (data.length == 0) {
            return null;
        }
        for (byte b : data) {
            if (b == '\n' || b == '\r') {
                try {
                    JsonNode document = JSON.readTree(data);
                    return document == null || document.isMissingNode() ? null : JSON.writeValueAsBytes(document);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return data;
    }

    /**
     * FIREHOSE_DEFAULT: the record id, which stays the same when the record is delivered again
     * (a retry or a redelivery after restart overwrites instead of duplicating); hashed when too long.
     */
    static String documentId(String recordId) {
        byte[] bytes = recordId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_ID_BYTES) {
            return recordId;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
