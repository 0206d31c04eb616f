package dev.freshet.delivery.process.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.SourceRecordMetadata;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One invocation's event, as the service sends it to a transformation function:
 *
 * <pre>
 * {"invocationId":"&lt;uuid&gt;","deliveryStreamArn":"arn:aws:firehose:…","region":"us-east-1",
 *  "records":[{"recordId":"…","approximateArrivalTimestamp":1700000000000,"data":"&lt;base64&gt;"}, …]}
 * </pre>
 *
 * For a KinesisStreamAsSource stream (records with {@link SourceRecordMetadata}) the event also
 * names the source stream and each record its place in it:
 *
 * <pre>
 * {"invocationId":…,"sourceKinesisStreamArn":"arn:aws:kinesis:…:stream/NAME","deliveryStreamArn":…,"region":…,
 *  "records":[{"recordId":…,"approximateArrivalTimestamp":…,"data":…,
 *              "kinesisRecordMetadata":{"shardId":"shardId-000000000000","partitionKey":"…",
 *                "approximateArrivalTimestamp":1700000000000,"sequenceNumber":"…","subsequenceNumber":0}}, …]}
 * </pre>
 *
 * Record ids are the records' own; should two records of one invocation share an id, the later
 * one gets {@code #<position>} appended so the function's answer can still be matched.
 *
 * @param recordIds the ids sent, in the order of the records
 * @param body the JSON body
 */
record LambdaEvent(List<String> recordIds, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes of a record's event entry beyond its base64 data (ids, timestamp, punctuation). */
    static final int ENTRY_OVERHEAD = 160;
    /** Bytes of a record's kinesisRecordMetadata beyond its strings (names, numbers, punctuation). */
    static final int METADATA_OVERHEAD = 160;

    static LambdaEvent of(String invocationId, DeliveryStreamRef stream, List<DeliveryRecord> records) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", invocationId);
        sourceStreamArn(records).ifPresent(arn -> event.put("sourceKinesisStreamArn", arn));
        event.put("deliveryStreamArn", stream.arn());
        event.put("region", stream.region());
        ArrayNode entries = event.putArray("records");
        List<String> ids = new ArrayList<>(records.size());
        Set<String> seen = new HashSet<>();
        for (DeliveryRecord record : records) {
            String id = seen.add(record.recordId()) ? record.recordId() : record.recordId() + "#" + ids.size();
            seen.add(id);
            ids.add(id);
            ObjectNode entry = entries.addObject();
            entry.put("recordId", id);
            entry.put("approximateArrivalTimestamp", record.arrivalMillis());
            entry.put("data", record.data());
            if (record.source() != null) {
                metadata(entry.putObject("kinesisRecordMetadata"), record.source());
            }
        }
        try {
            return new LambdaEvent(List.copyOf(ids), JSON.writeValueAsBytes(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> sourceStreamArn(List<DeliveryRecord> records) {
        return records.stream().map(DeliveryRecord::source).filter(Objects::nonNull).findFirst()
            .map(SourceRecordMetadata::streamArn);
    }

    private static void metadata(ObjectNode node, SourceRecordMetadata source) {
        node.put("shardId", source.shardId());
        node.put("partitionKey", source.partitionKey());
        node.put("approximateArrivalTimestamp", source.approximateArrivalMillis());
        node.put("sequenceNumber", source.sequenceNumber());
        node.put("subsequenceNumber", source.subsequenceNumber());
    }

    /** The size a record adds to an event: base64 grows data by 4/3; JSON escaping may double a partition key. */
    static long entrySize(DeliveryRecord record) {
        long size = (record.data().length + 2L) / 3 * 4 + record.recordId().length() + ENTRY_OVERHEAD;
        SourceRecordMetadata source = record.source();
        if (source != null) {
            size += METADATA_OVERHEAD + source.shardId().length() + 6L * source.partitionKey().length()
                + source.sequenceNumber().length();
        }
        return size;
    }
}
