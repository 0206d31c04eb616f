package dev.freshet.datastreams.log;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The append-only record sequence of one shard: the storage seam every service writes through.
 *
 * <p>Sequences start at 0 and grow by one per record with no gaps. Arrival timestamps never go
 * backwards. Appends from many threads are committed in groups (one write, and with
 * {@link Durability#FSYNC} one force, per group); the future completes once the batch is durable
 * as configured. Reads never block appends and only ever see acknowledged records.
 *
 * <p>Thread-safe.
 */
public interface ShardLog {

    /** Identifier of this log inside its {@link LogEngine}. */
    String id();

    /**
     * Appends a batch, stored contiguously and in order. Completes exceptionally with
     * {@link SealedLogException} when the log was sealed, or {@link LogException} on I/O failure.
     */
    CompletableFuture<AppendResult> append(List<AppendRecord> records);

    /**
     * Reads from {@code fromSequence} (clamped forward to {@link #startSequence()}), at most
     * {@code maxRecords} records and about {@code maxBytes} payload bytes (at least one record is
     * returned when one exists, whatever its size).
     */
    ReadResult read(long fromSequence, int maxRecords, long maxBytes);

    /** First sequence still retained (the trim horizon). Equal to {@link #endSequence()} when empty. */
    long startSequence();

    /** Sequence the next appended record will get. */
    long endSequence();

    /** Arrival timestamp of the newest record, or -1 when the log never held one. */
    long lastTimestamp();

    /**
     * First retained sequence whose arrival timestamp is {@code >= timestampMillis}, or
     * {@link #endSequence()} when every record is older.
     */
    long sequenceAtTimestamp(long timestampMillis);

    /** Arrival timestamp of the record at {@code sequence}, or -1 if not retained. */
    long timestampOf(long sequence);

    /** Completes (on an appender's thread; keep callbacks short) once {@link #endSequence()} is above {@code sequence}. */
    CompletableFuture<Void> awaitBeyond(long sequence);

    /**
     * Refuses all later appends, after the ones already accepted are committed, and returns the
     * final {@link #endSequence()}. Idempotent. Waiters are completed so tailing readers notice.
     */
    long seal();

    boolean isSealed();

    /** Applies a new retention period; expired segments are removed by the engine's cleaner. */
    void updateRetention(java.time.Duration retention);

    /** Bytes on disk across this log's segments. */
    long sizeInBytes();
}
