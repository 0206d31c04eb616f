package dev.freshet.delivery.destination.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshet.delivery.DeliveryRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * One request body of the Firehose HTTP endpoint protocol (version 1.0), built once and sent
 * unchanged on every retry, so the endpoint sees the same {@code requestId} each time and can
 * de-duplicate:
 *
 * <pre>
 * {"requestId":"&lt;uuid&gt;","timestamp":&lt;epoch ms&gt;,"records":[{"data":"&lt;base64&gt;"},…]}
 * </pre>
 *
 * <p>The service caps a request at 10,000 records and 64 MiB of body before compression;
 * {@link #split} cuts a batch into requests that respect both.
 *
 * @param requestId also sent as {@code X-Amz-Firehose-Request-Id}
 * @param records the records in the body, in order
 * @param body the JSON body, gzip-compressed when {@code gzipped}
 * @param gzipped whether {@code Content-Encoding: gzip} goes with it
 */
record HttpEndpointRequest(String requestId, List<DeliveryRecord> records, byte[] body, boolean gzipped) {

    static final int MAX_RECORDS = 10_000;
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** {"data":""}, and the envelope's own fields, beside each record's base64 text. */
    private static final int RECORD_OVERHEAD = 12;
    private static final int ENVELOPE_OVERHEAD = 128;
    private static final JsonFactory JSON = new JsonFactory();

    static HttpEndpointRequest of(List<DeliveryRecord> records, long timestampMillis, boolean gzip) {
        String requestId = UUID.randomUUID().toString();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(estimatedSize(records));
        try (OutputStream out = gzip ? new GZIPOutputStream(buffer, 64 * 1024) : buffer;
                JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("requestId", requestId);
            json.writeNumberField("timestamp", timestampMillis);
            json.writeArrayFieldStart("records");
            for (DeliveryRecord record : records) {
                json.writeStartObject();
                json.writeFieldName("data");
                json.writeBinary(record.data());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JSON cannot fail", e);
        }
        return new HttpEndpointRequest(requestId, List.copyOf(records), buffer.toByteArray(), gzip);
    }

    /** Cuts records, in order, into runs that each fit one request. */
    static List<List<DeliveryRecord>> split(List<DeliveryRecord> records) {
        List<List<DeliveryRecord>> runs = new ArrayList<>();
        List<DeliveryRecord> run = new ArrayList<>();
        long runBytes = ENVELOPE_OVERHEAD;
        for (DeliveryRecord record : records) {
            long size = encodedSize(record);
            if (!run.isEmpty() && (run.size() == MAX_RECORDS || runBytes + size > MAX_BODY_BYTES)) {
                runs.add(run);
                run = new ArrayList<>();
                runBytes = ENVELOPE_OVERHEAD;
            }
            run.add(record);
            runBytes += size;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Payload bytes before base64 (what DeliveryToHttpEndpoint.Bytes counts). */
    long dataBytes() {
        long total = 0;
        for (DeliveryRecord record : records) {
            total += record.data().length;
        }
        return total;
    }

    private static long encodedSize(DeliveryRecord record) {
        return 4L * ((record.data().length + 2) / 3) + RECORD_OVERHEAD;
    }

    private static int estimatedSize(List<DeliveryRecord> records) {
        long total = ENVELOPE_OVERHEAD;
        for (DeliveryRecord record : records) {
            total += encodedSize(record);
        }
        return (int) Math.min(total, Integer.MAX_VALUE - 8);
    }
}
