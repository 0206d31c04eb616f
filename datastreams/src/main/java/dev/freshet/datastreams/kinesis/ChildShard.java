package dev.freshet.datastreams.kinesis;

import java.util.List;

/** A shard created from a closed one, as GetRecords and SubscribeToShard report at its end. */
public record ChildShard(String shardId, List<String> parentShards, String startingHashKey, String endingHashKey) {
}
