package dev.freshet.datastreams.kinesis.internal;

import java.util.TreeMap;

/** Everything the Kinesis services persist besides records: the metadata snapshot's root. */
public final class CatalogState {
    public int formatVersion = 1;
    /** Base64 key that seals shard iterators and paging tokens. */
    public String tokenKey;
    public TreeMap<String, StreamRecord> streams = new TreeMap<>();
    public String billingCommitmentStatus = "DISABLED";
    public Long billingCommitmentStartedMillis;
    public Long billingCommitmentEndedMillis;
    public Long billingCommitmentEarliestEndMillis;
}
