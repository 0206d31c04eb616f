package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.SealedLogException;
import dev.freshet.datastreams.log.ShardLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link ShardLog} stored as segment files in one folder (see {@link Segment}, {@link RecordFormat},
 * {@link SegmentIndex}). Appends go through the {@link GroupCommitter}; reads go straight to the
 * files through a snapshot of the segment list.
 *
 * <p>Thread-safe.
 */
final class FileShardLog implements ShardLog {

    private final String id;
    private final Path dir;
    private final InstantSource clock;
    private final SegmentList segments;
    private final GroupWriter writer;
    private final GroupCommitter committer;
    private final SegmentReader reader;
    private final TailWaiters waiters;
    private volatile LogConfig config;
    private volatile boolean deleted;

    private FileShardLog(String id, Path dir, LogConfig config, InstantSource clock, List<Segment> recovered,
                         Executor handoff) {
        this.id = id;
        this.dir = dir;
        this.config = config;
        this.clock = clock;
        this.segments = new SegmentList(recovered);
        long lastTimestamp = recovered.stream().mapToLong(Segment::lastTimestamp).max().orElse(-1);
        this.writer = new GroupWriter(id, dir, segments, () -> this.config, clock, lastTimestamp);
        this.waiters = new TailWaiters(this::endSequence);
        this.committer = new GroupCommitter(this::writeGroup, handoff);
        this.reader = new SegmentReader(id);
    }

    /** Opens (recovering as needed) the log stored in {@code dir}. */
    static FileShardLog open(String id, Path dir, LogConfig config, InstantSource clock, Executor handoff) {
        try {
            List<Segment> recovered = new LogRecovery(dir, config.indexInterval()).recover();
            return new FileShardLog(id, dir, config, clock, recovered, handoff);
        } catch (IOException e) {
            throw new LogException("cannot open shard log " + id + " in " + dir, e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletableFuture<AppendResult> append(List<AppendRecord> records) {
        if (writer.isSealed() || deleted) {
            return CompletableFuture.failedFuture(new SealedLogException(id));
        }
        PendingAppend pending = PendingAppend.of(records);
        committer.submit(pending);
        return pending.result;
    }

    @Override
    public ReadResult read(long fromSequence, int maxRecords, long maxBytes) {
        long notBefore = retentionCutoff();
        for (int attempt = 0; ; attempt++) {
            if (deleted) {
                return new ReadResult(List.of(), fromSequence, fromSequence, 0);
            }
            long end = endSequence();
            Segment[] snapshot = segments.snapshot();
            long from = Math.max(fromSequence, snapshot[0].baseSequence());
            try {
                return reader.read(snapshot, from, end, maxRecords, maxBytes, notBefore);
            } catch (ClosedChannelException e) {
                retryAfterConcurrentDeletion(attempt, e);
            } catch (IOException e) {
                throw new LogException("read from shard log " + id + " failed", e);
            }
        }
    }

    @Override
    public long startSequence() {
        Segment[] snapshot = segments.snapshot();
        long cutoff = retentionCutoff();
        Segment first = snapshot[0];
        if (first.isEmpty() || first.firstTimestamp() >= cutoff) {
            return first.baseSequence();
        }
        return sequenceAtTimestamp(cutoff);
    }

    @Override
    public long endSequence() {
        return deleted ? segments.active().baseSequence() : segments.active().nextSequence();
    }

    @Override
    public long lastTimestamp() {
        return writer.lastTimestamp();
    }

    @Override
    public long sequenceAtTimestamp(long timestampMillis) {
        long target = Math.max(timestampMillis, retentionCutoff());
        for (int attempt = 0; ; attempt++) {
            if (deleted) {
                return endSequence();
            }
            long end = endSequence();
            try {
                return reader.sequenceAtTimestamp(segments.snapshot(), target, end);
            } catch (ClosedChannelException e) {
                retryAfterConcurrentDeletion(attempt, e);
            } catch (IOException e) {
                throw new LogException("time lookup in shard log " + id + " failed", e);
            }
        }
    }

    @Override
    public long timestampOf(long sequence) {
        if (sequence < startSequence() || sequence >= endSequence()) {
            return -1;
        }
        try {
            return reader.timestampOf(segments.snapshot(), sequence);
        } catch (ClosedChannelException e) {
            return -1;
        } catch (IOException e) {
            throw new LogException("lookup in shard log " + id + " failed", e);
        }
    }

    @Override
    public CompletableFuture<Void> awaitBeyond(long sequence) {
        return waiters.await(sequence, writer.isSealed() || deleted);
    }

    @Override
    public long seal() {
        PendingAppend marker = PendingAppend.sealMarker();
        committer.submit(marker);
        long end = marker.sealed.join();
        waiters.releaseAll();
        return end;
    }

    @Override
    public boolean isSealed() {
        return writer.isSealed() || deleted;
    }

    @Override
    public void updateRetention(Duration retention) {
        config = config.withRetention(retention);
    }

    @Override
    public long sizeInBytes() {
        long total = 0;
        for (Segment segment : segments.snapshot()) {
            total += segment.size();
        }
        return total;
    }

    LogConfig config() {
        return config;
    }

    /**
     * Deletes whole segments whose newest record is past retention. The active segment is rolled
     * first when everything in it expired, so an idle shard's data goes too; the empty new
     * segment keeps the numbering.
     */
    void enforceRetention() {
        long cutoff = retentionCutoff();
        committer.exclusively(() -> {
            try {
                Segment active = segments.active();
                if (!active.isEmpty() && active.lastTimestamp() < cutoff && !writer.isSealed()) {
                    writer.roll();
                }
                deleteExpired(cutoff);
            } catch (IOException e) {
                throw new UncheckedIOException("retention of shard log " + id + " failed", e);
            }
        });
    }

    /** Commits what is queued, persists indexes, and marks the folder as cleanly closed. */
    void close() {
        committer.exclusively(() -> {
            try {
                writer.flushActive();
                for (Segment segment : segments.snapshot()) {
                    segment.close();
                }
                if (!deleted) {
                    Files.writeString(dir.resolve(FileNames.CLEAN_SHUTDOWN), Long.toString(endSequence()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("closing shard log " + id + " failed", e);
            }
        });
        waiters.releaseAll();
    }

    /** Marks the log gone for readers and writers and closes its files; the engine removes the folder. */
    void markDeleted() {
        deleted = true;
        committer.exclusively(() -> {
            for (Segment segment : segments.snapshot()) {
                try {
                    segment.close();
                } catch (IOException ignored) {
                    // the folder is removed next; nothing left to protect
                }
            }
        });
        waiters.releaseAll();
    }

    private List<Runnable> writeGroup(List<PendingAppend> group) {
        if (deleted) {
            List<Runnable> refused = new ArrayList<>();
            for (PendingAppend pending : group) {
                refused.add(() -> refuse(pending));
            }
            return refused;
        }
        List<Runnable> completions = new ArrayList<>(writer.write(group));
        long end = segments.active().nextSequence();
        completions.add(() -> waiters.signal(end));
        return completions;
    }

    private void refuse(PendingAppend pending) {
        if (pending.isSeal()) {
            pending.sealed.complete(segments.active().baseSequence());
        } else {
            pending.result.completeExceptionally(new SealedLogException(id));
        }
    }

    private void deleteExpired(long cutoff) throws IOException {
        Segment[] snapshot = segments.snapshot();
        int expired = 0;
        while (expired < snapshot.length - 1 && snapshot[expired].lastTimestamp() < cutoff) {
            expired++;
        }
        segments.dropOldest(expired);
        for (int i = 0; i < expired; i++) {
            snapshot[i].delete();
        }
        if (expired > 0) {
            FileLogEngine.LOG.atInfo().setMessage("deleted segments past retention").addKeyValue("log", id)
                .addKeyValue("segments", expired).addKeyValue("start", segments.first().baseSequence()).log();
        }
    }

    private long retentionCutoff() {
        return clock.millis() - config.retention().toMillis();
    }

    /** A segment closed under a reader was removed by retention or deletion: look again, a few times. */
    private void retryAfterConcurrentDeletion(int attempt, ClosedChannelException e) {
        if (attempt >= 2 && !deleted) {
            throw new LogException("segments of shard log " + id + " kept disappearing during a read", e);
        }
    }
}
