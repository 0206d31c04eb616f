package dev.freshet.delivery.engine;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a delivery stream's source was delivered, as stored in its checkpoint file. A plain
 * holder with public fields (the file format); copied, never shared between threads.
 */
final class CheckpointState {

    /** Random per stream incarnation: DirectPut record ids of a re-created stream never repeat. */
    public String incarnation;

    /** DirectPut: the first buffer-log sequence not yet delivered. */
    public Long nextSequence;

    /** KinesisStream: per shard, the last delivered sequence number. */
    public TreeMap<String, String> shardSequences = new TreeMap<>();

    /** KinesisStream: shards delivered to their end (their children may be read). */
    public TreeSet<String> finishedShards = new TreeSet<>();

    CheckpointState copy() {
        CheckpointState copy = new CheckpointState();
        copy.incarnation = incarnation;
        copy.nextSequence = nextSequence;
        copy.shardSequences = new TreeMap<>(shardSequences);
        copy.finishedShards = new TreeSet<>(finishedShards);
        return copy;
    }
}
