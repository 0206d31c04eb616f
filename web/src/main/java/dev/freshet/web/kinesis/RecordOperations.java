package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.GetRecordsResult;
import dev.freshet.datastreams.kinesis.RecordReader;
import dev.freshet.datastreams.kinesis.RecordWriter;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PutRecord, PutRecords, GetShardIterator and GetRecords on the wire. Thread-safe. */
final class RecordOperations {

    private final RecordWriter writer;
    private final RecordReader reader;

    RecordOperations(RecordWriter writer, RecordReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "PutRecord", this::putRecord,
            "PutRecords", this::putRecords,
            "GetShardIterator", this::getShardIterator,
            "GetRecords", this::getRecords);
    }

    private void putRecord(Input in, OutputWriter out) {
        RecordWriter.PutRecordResult result = writer.putRecord(Requests.stream(in), entry(in),
            Requests.string(in, "SequenceNumberForOrdering"));
        out.string("ShardId", result.shardId())
            .string("SequenceNumber", result.sequenceNumber())
            .string("EncryptionType", result.encryptionType());
    }

    private void putRecords(Input in, OutputWriter out) {
        List<Input> records = in.structures("Records");
        List<RecordWriter.Entry> entries = new ArrayList<>(records.size());
        for (Input record : records) {
            entries.add(entry(record));
        }
        RecordWriter.PutRecordsResult result = writer.putRecords(Requests.stream(in), entries);
        out.number("FailedRecordCount", result.failedRecordCount()).startArray("Records");
        for (RecordWriter.EntryResult entry : result.records()) {
            out.startObject()
                .string("SequenceNumber", entry.sequenceNumber())
                .string("ShardId", entry.shardId())
                .string("ErrorCode", entry.errorCode())
                .string("ErrorMessage", entry.errorMessage())
                .endObject();
        }
        out.endArray().string("EncryptionType", result.encryptionType());
    }

    private void getShardIterator(Input in, OutputWriter out) {
        String iterator = reader.getShardIterator(new RecordReader.IteratorRequest(Requests.stream(in),
            Requests.required(in, "ShardId"), Requests.required(in, "ShardIteratorType"),
            Requests.string(in, "StartingSequenceNumber"), in.timestamp("Timestamp").orElse(null)));
        out.string("ShardIterator", iterator);
    }

    private void getRecords(Input in, OutputWriter out) {
        GetRecordsResult result = reader.getRecords(Requests.required(in, "ShardIterator"),
            Requests.integer(in, "Limit"), Requests.string(in, "StreamARN"));
        Responses.records(out, result.records());
        out.string("NextShardIterator", result.nextShardIterator())
            .number("MillisBehindLatest", result.millisBehindLatest());
        Responses.childShards(out, result.childShards());
    }

    private static RecordWriter.Entry entry(Input in) {
        return new RecordWriter.Entry(Requests.required(in, "PartitionKey"), Requests.string(in, "ExplicitHashKey"),
            in.blob("Data").orElseThrow());
    }
}
