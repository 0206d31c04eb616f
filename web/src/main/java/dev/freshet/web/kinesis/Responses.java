package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.ChildShard;
import dev.freshet.datastreams.kinesis.KinesisRecord;
import dev.freshet.datastreams.kinesis.ShardDescription;
import dev.freshet.web.protocol.OutputWriter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writers for the output structures several operations share (Shard, Record, ChildShard, Tag). Stateless. */
final class Responses {

    private Responses() {
    }

    static void shards(OutputWriter out, String member, List<ShardDescription> shards) {
        out.startArray(member);
        for (ShardDescription shard : shards) {
            out.startObject()
                .string("ShardId", shard.shardId())
                .string("ParentShardId", shard.parentShardId())
                .string("AdjacentParentShardId", shard.adjacentParentShardId())
                .startObject("HashKeyRange")
                .string("StartingHashKey", shard.startingHashKey())
                .string("EndingHashKey", shard.endingHashKey())
                .endObject()
                .startObject("SequenceNumberRange")
                .string("StartingSequenceNumber", shard.startingSequenceNumber())
                .string("EndingSequenceNumber", shard.endingSequenceNumber())
                .endObject()
                .endObject();
        }
        out.endArray();
    }

    static void records(OutputWriter out, List<KinesisRecord> records) {
        out.startArray("Records");
        for (KinesisRecord record : records) {
            out.startObject()
                .string("SequenceNumber", record.sequenceNumber())
                .timestamp("ApproximateArrivalTimestamp", Instant.ofEpochMilli(record.arrivalMillis()))
                .blob("Data", record.data())
                .string("PartitionKey", record.partitionKey())
                .string("EncryptionType", record.encryptionType())
                .endObject();
        }
        out.endArray();
    }

    static void childShards(OutputWriter out, List<ChildShard> children) {
        if (children == null) {
            return;
        }
        out.startArray("ChildShards");
        for (ChildShard child : children) {
            out.startObject()
                .string("ShardId", child.shardId())
                .strings("ParentShards", child.parentShards())
                .startObject("HashKeyRange")
                .string("StartingHashKey", child.startingHashKey())
                .string("EndingHashKey", child.endingHashKey())
                .endObject()
                .endObject();
        }
        out.endArray();
    }

    static void tags(OutputWriter out, List<Map.Entry<String, String>> tags) {
        out.startArray("Tags");
        for (Map.Entry<String, String> tag : tags) {
            out.startObject().string("Key", tag.getKey()).string("Value", tag.getValue()).endObject();
        }
        out.endArray();
    }
}
