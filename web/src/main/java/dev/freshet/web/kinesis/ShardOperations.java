package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.Page;
import dev.freshet.datastreams.kinesis.Resharding;
import dev.freshet.datastreams.kinesis.ShardDescription;
import dev.freshet.datastreams.kinesis.ShardListing;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/** ListShards, SplitShard, MergeShards and UpdateShardCount on the wire. Thread-safe. */
final class ShardOperations {

    private final ShardListing listing;
    private final Resharding resharding;

    ShardOperations(ShardListing listing, Resharding resharding) {
        this.listing = listing;
        this.resharding = resharding;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "ListShards", this::list,
            "SplitShard", (in, out) -> resharding.split(Requests.stream(in), Requests.required(in, "ShardToSplit"),
                Requests.required(in, "NewStartingHashKey")),
            "MergeShards", (in, out) -> resharding.merge(Requests.stream(in), Requests.required(in, "ShardToMerge"),
                Requests.required(in, "AdjacentShardToMerge")),
            "UpdateShardCount", this::updateShardCount);
    }

    private void list(Input in, OutputWriter out) {
        ShardListing.ShardFilter filter = in.structure("ShardFilter").map(f -> new ShardListing.ShardFilter(
            f.string("Type").orElseThrow(), f.string("ShardId").orElse(null), f.timestamp("Timestamp").orElse(null)))
            .orElse(null);
        Page<ShardDescription> page = listing.list(new ShardListing.ListShardsRequest(Requests.stream(in),
            Requests.string(in, "NextToken"), Requests.string(in, "ExclusiveStartShardId"),
            Requests.integer(in, "MaxResults"), in.timestamp("StreamCreationTimestamp").orElse(null), filter));
        Responses.shards(out, "Shards", page.items());
        out.string("NextToken", page.nextToken());
    }

    private void updateShardCount(Input in, OutputWriter out) {
        Resharding.ShardCountResult result = resharding.updateShardCount(Requests.stream(in),
            in.integer("TargetShardCount").orElseThrow());
        out.string("StreamName", result.streamName())
            .number("CurrentShardCount", result.currentShardCount())
            .number("TargetShardCount", result.targetShardCount())
            .string("StreamARN", result.streamArn());
    }
}
