package dev.freshet.datastreams.kinesis.internal;

import java.math.BigInteger;

/** The persisted state of one shard. Mutable; guarded by the {@link StreamCatalog}'s lock. */
public final class ShardRecord {
    public String id;
    public int index;
    public String parent;
    public String adjacentParent;
    /** Decimal hash keys, inclusive. */
    public String startHash;
    public String endHash;
    public long createdMillis;
    /** Set when a split or merge closed the shard. */
    public Long closedMillis;
    /** The shard log's end when it was sealed. */
    public Long endSequence;

    public boolean isOpen() {
        return closedMillis == null;
    }

    public BigInteger start() {
        return new BigInteger(startHash);
    }

    public BigInteger end() {
        return new BigInteger(endHash);
    }

    public long createdSeconds() {
        return createdMillis / 1000;
    }

    public static String idOf(int index) {
        return String.format("shardId-%012d", index);
    }
}
