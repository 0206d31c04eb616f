package dev.freshet.delivery.engine;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A DirectPut stream's buffer: its own shard log {@code firehose-<stream>} (PutRecord appends,
 * the delivery loop reads) and its checkpoint, the first sequence not yet delivered.
 *
 * <p>Retention keeps undelivered records: the log's retention is refreshed every minute (by
 * {@link #refreshRetention}, on the engine's scheduler, so a stalled delivery does not stop it)
 * to {@value #MARGIN_MINUTES} minutes more than the age of the oldest undelivered record, capped at
 * the service's 24 hours. Delivered segments thus go within about an hour (the segment age), and
 * undelivered records are dropped only after 24 hours, as the service does.
 *
 * <p>Thread-safe for {@link #append}; the rest follows {@link SourceReader}.
 */
final class DirectPutSource implements SourceReader {

    static final long MARGIN_MINUTES = 15;
    private static final long SEGMENT_BYTES = 32L * 1024 * 1024;

    private final ShardLog log;
    private final CheckpointFile checkpoints;
    private final String incarnation;
    private final Duration maxRetention;
    private volatile long next;
    private volatile long committed;

    private DirectPutSource(ShardLog log, CheckpointFile checkpoints, CheckpointState state, Duration maxRetention) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.incarnation = state.incarnation;
        this.maxRetention = maxRetention;
        this.next = Math.max(state.nextSequence, log.startSequence());
        this.committed = next;
    }

    static String logId(String streamName) {
        return "firehose-" + streamName;
    }

    /** Opens (or creates) the buffer log and reads the checkpoint. */
    static DirectPutSource open(LogEngine logs, String streamName, CheckpointFile checkpoints, EngineSettings settings) {
        LogConfig config = new LogConfig(SEGMENT_BYTES, Duration.ofHours(1), settings.bufferRetention(),
            LogConfig.DEFAULT_INDEX_INTERVAL, settings.durability());
        ShardLog log = logs.open(logId(streamName), config);
        CheckpointState state = checkpoints.read().orElseGet(CheckpointState::new);
        if (state.incarnation == null || state.nextSequence == null) {
            state.incarnation = state.incarnation == null ? RecordIds.newIncarnation() : state.incarnation;
            state.nextSequence = log.startSequence();
            checkpoints.write(state);
        }
        return new DirectPutSource(log, checkpoints, state, settings.bufferRetention());
    }

    /** Appends; completes with the records' ids once the log acknowledged them. */
    CompletableFuture<List<String>> append(List<byte[]> records) {
        List<AppendRecord> batch = new ArrayList<>(records.size());
        for (byte[] data : records) {
            batch.add(new AppendRecord("", data));
        }
        return log.append(batch).handle((result, failure) -> {
            if (failure != null) {
                throw new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE,
                    "The delivery stream's buffer could not store the records: " + rootMessage(failure));
            }
            List<String> ids = new ArrayList<>(result.count());
            for (int i = 0; i < result.count(); i++) {
                ids.add(RecordIds.of(incarnation, result.sequenceOf(i)));
            }
            return ids;
        });
    }

    @Override
    public long read(List<DeliveryRecord> into, int maxRecords, long maxBytes) {
        ReadResult read = log.read(next, maxRecords, Math.max(1, maxBytes));
        for (LogRecord record : read.records()) {
            into.add(new DeliveryRecord(RecordIds.of(incarnation, record.sequence()), record.timestamp(), record.data()));
        }
        next = read.nextSequence();
        return read.bytes();
    }

    @Override
    public CompletableFuture<Void> awaitMore() {
        return log.awaitBeyond(next);
    }

    @Override
    public CheckpointState mark() {
        CheckpointState state = new CheckpointState();
        state.incarnation = incarnation;
        state.nextSequence = next;
        return state;
    }

    @Override
    public void commit(CheckpointState mark) {
        checkpoints.write(mark);
        committed = mark.nextSequence;
    }

    @Override
    public long oldestUnreadArrival() {
        return next < log.endSequence() ? log.timestampOf(next) : -1;
    }

    /** Sets the log's retention to keep every undelivered record (see the class comment). */
    void refreshRetention(long nowMillis) {
        long oldest = committed < log.endSequence() ? log.timestampOf(committed) : nowMillis;
        long keep = Math.max(0, nowMillis - (oldest < 0 ? nowMillis : oldest)) + Duration.ofMinutes(MARGIN_MINUTES).toMillis();
        log.updateRetention(Duration.ofMillis(Math.min(keep, maxRetention.toMillis())));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        return cause instanceof LogException ? cause.getMessage() : String.valueOf(cause);
    }

    @Override
    public void close() {
    }
}
