package dev.freshet.datastreams.kinesis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The persisted state of one data stream (a node of {@link CatalogState}). Mutable; guarded by
 * the {@link StreamCatalog}'s lock; serialised as JSON in the metadata snapshot.
 */
public final class StreamRecord {
    public String name;
    /** Unique per incarnation of a name: {@code [a-z0-9]{20}-[a-z0-9]{3}}; names the shard log folders. */
    public String id;
    public long createdMillis;
    public String mode = "PROVISIONED";
    public String status = "CREATING";
    /** When the current CREATING/UPDATING/DELETING phase ends. */
    public long statusUntilMillis;
    public int retentionHours = 24;
    public int maxRecordSizeKiB = 1024;
    public Integer warmThroughputTargetMiBps;
    public TreeSet<String> shardLevelMetrics = new TreeSet<>();
    public String encryptionType = "NONE";
    public String keyId;
    public TreeMap<String, String> tags = new TreeMap<>();
    public String policy;
    public List<ShardRecord> shards = new ArrayList<>();
    public int nextShardIndex;
    public List<ConsumerRecord> consumers = new ArrayList<>();
    /** Times of UpdateShardCount calls in the last 24 hours (the service allows ten). */
    public List<Long> shardCountUpdates = new ArrayList<>();
}
