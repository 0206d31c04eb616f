package dev.freshet.delivery.process.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a record of consecutive JSON objects — {@code {"a":1}{"a":2}} or JSON lines
 * {@code {"a":1}\n{"a":2}} — into one record per object, each object's bytes exactly as they
 * were (RecordDeAggregation with {@code SubRecordType=JSON}). Whitespace between objects is
 * dropped. Anything else at the top level (an array, a number, a string, a truncated object,
 * text that is not UTF-8 JSON) makes the whole record malformed, as the service refuses
 * {@code [{"a":1},{"a":2}]}.
 *
 * <p>Stateless; thread-safe.
 */
public final class JsonObjectSplitter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonObjectSplitter() {
    }

    /**
     * @param maxObjects the most objects one record may hold (the service caps de-aggregation at 500)
     * @throws MalformedRecordException when the record is not a sequence of JSON objects
     */
    public static List<byte[]> split(byte[] data, int maxObjects) throws MalformedRecordException {
        List<byte[]> objects = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(data)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedRecordException("expected a JSON object at byte "
                        + parser.currentTokenLocation().getByteOffset() + ", found " + token);
                }
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                if (start < 0 || end <= start || end > data.length) {
                    throw new MalformedRecordException("the record is not UTF-8 JSON");
                }
                if (objects.size() == maxObjects) {
                    throw new MalformedRecordException("the record holds more than " + maxObjects + " JSON objects");
                }
                objects.add(Arrays.copyOfRange(data, (int) start, (int) end));
            }
        } catch (JacksonException e) {
            throw new MalformedRecordException("not a sequence of JSON objects: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRecordException("unreadable: " + e.getMessage());
        }
        return objects;
    }
}
