package dev.freshet.web.firehose;

import dev.freshet.delivery.catalog.DeliveryStreams;
import dev.freshet.delivery.catalog.PutResult;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;
import java.util.List;
import java.util.Map;

/**
 * PutRecord and PutRecordBatch: Data arrives as base64 text in JSON (bytes in CBOR), already
 * decoded and size-checked by validation. Thread-safe.
 */
final class RecordOperations {

    private final DeliveryStreams streams;

    RecordOperations(DeliveryStreams streams) {
        this.streams = streams;
    }

    Map<String, FirehoseOperation> operations() {
        return Map.of("PutRecord", this::putRecord, "PutRecordBatch", this::putRecordBatch);
    }

    private void putRecord(Input in, OutputWriter out) {
        byte[] data = in.structure("Record").orElseThrow().blob("Data").orElseThrow();
        PutResult result = streams.records().putRecord(StreamOperations.name(in), data);
        out.string("RecordId", result.entries().get(0).recordId()).bool("Encrypted", result.encrypted());
    }

    private void putRecordBatch(Input in, OutputWriter out) {
        List<byte[]> records = in.structures("Records").stream().map(r -> r.blob("Data").orElseThrow()).toList();
        PutResult result = streams.records().putRecordBatch(StreamOperations.name(in), records);
        out.number("FailedPutCount", result.failedPutCount()).bool("Encrypted", result.encrypted());
        out.startArray("RequestResponses");
        for (PutResult.Entry entry : result.entries()) {
            out.startObject().string("RecordId", entry.recordId()).string("ErrorCode", entry.errorCode())
                .string("ErrorMessage", entry.errorMessage()).endObject();
        }
        out.endArray();
    }
}
