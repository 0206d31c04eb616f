package dev.freshet.datastreams.kinesis.internal;

import java.util.TreeMap;

/** The persisted state of one enhanced fan-out consumer. Mutable; guarded by the catalog's lock. */
public final class ConsumerRecord {
    public String name;
    public long createdMillis;
    public String status = "CREATING";
    public long statusUntilMillis;
    public TreeMap<String, String> tags = new TreeMap<>();
    public String policy;
}
