package dev.freshet.delivery.destination.redshift;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.freshet.delivery.destination.redshift.PostgresCopy.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Turns a staged object's bytes into what PostgreSQL's {@code COPY … FROM STDIN} reads for a
 * {@link PostgresCopy}: gunzipped, IGNOREHEADER lines dropped, backslashes doubled when Redshift
 * would take them as data (no ESCAPE), and JSON documents (concatenated, as Firehose stages them,
 * with or without whitespace between) rewritten as CSV rows.
 *
 * <p>Stateless.
 */
final class CopyInput {

    // numbers keep their digits when a document is re-written (no double rounding)
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private CopyInput() {
    }

    /**
     * @param columns the target columns in order (for JSON 'auto', never empty)
     * @throws CopyDataException when the data cannot be read as the format says
     */
    static byte[] prepare(byte[] staged, boolean gzip, PostgresCopy copy, List<String> columns) throws CopyDataException {
        byte[] data = gzip ? gunzip(staged) : staged;
        data = skipLines(data, copy.ignoreHeader());
        return switch (copy.format()) {
            case TEXT -> copy.escape() ? data : doubleBackslashes(data);
            case CSV -> data;
            case JSON_NOSHRED -> jsonRows(data, document -> csvField(document.toString()));
            case JSON_AUTO, JSON_AUTO_IGNORECASE -> jsonRows(data, document -> shred(document, columns, copy.format()));
        };
    }

    private static byte[] gunzip(byte[] staged) throws CopyDataException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(staged))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CopyDataException("the staged object is not valid gzip: " + e.getMessage());
        }
    }

    private static byte[] skipLines(byte[] data, int lines) {
        int at = 0;
        for (int skipped = 0; skipped < lines && at < data.length; skipped++) {
            while (at < data.length && data[at] != '\n') {
                at++;
            }
            at++;
        }
        return at == 0 ? data : Arrays.copyOfRange(data, Math.min(at, data.length), data.length);
    }

    private static byte[] doubleBackslashes(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
        for (byte b : data) {
            out.write(b);
            if (b == '\\') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private interface RowWriter {
        String row(JsonNode document) throws CopyDataException;
    }

    private static byte[] jsonRows(byte[] data, RowWriter writer) throws CopyDataException {
        StringBuilder rows = new StringBuilder(data.length + data.length / 8);
        try (MappingIterator<JsonNode> documents = JSON.readerFor(JsonNode.class).readValues(data)) {
            while (documents.hasNextValue()) {
                rows.append(writer.row(documents.nextValue())).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            throw new CopyDataException("the staged object is not JSON documents: " + e.getMessage());
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV row: per column the member of the same name (JSON null or absent: NULL). */
    private static String shred(JsonNode document, List<String> columns, Format format) throws CopyDataException {
        if (!document.isObject()) {
            throw new CopyDataException("JSON 'auto' loads objects, found " + document.getNodeType());
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            JsonNode value = member(document, columns.get(i), format == Format.JSON_AUTO_IGNORECASE);
            if (value != null && !value.isNull()) {
                row.append(csvField(value.isValueNode() ? value.asText() : value.toString()));
            }
        }
        return row.toString();
    }

    private static JsonNode member(JsonNode document, String column, boolean ignoreCase) {
        String name = unquote(column);
        if (!ignoreCase) {
            return document.get(name);
        }
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return field.getValue();
            }
        }
        return null;
    }

    /** A SQL column name as the JSON key it matches: quoted names verbatim, others folded to lower case. */
    private static String unquote(String column) {
        if (column.length() >= 2 && column.startsWith("\"") && column.endsWith("\"")) {
            return column.substring(1, column.length() - 1).replace("\"\"", "\"");
        }
        return column.toLowerCase(Locale.ROOT);
    }

    private static String csvField(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
