package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.SealedLogException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The single writer of a shard log: turns a group of pending appends into frames, writes them with
 * as few system calls as possible (one write per segment touched, one force per group with
 * {@link Durability#FSYNC}), rolls segments, and only then publishes the new end to readers.
 *
 * <p>Sequences are assigned here, so they are gapless and in commit order; every record of a group
 * gets the same arrival timestamp, never earlier than the previous group's.
 *
 * <p>Not thread-safe: called by {@link GroupCommitter} under the log's write lock.
 */
final class GroupWriter {

    /** Frames are staged in a buffer of at most this size before they are written. */
    private static final int MAX_STAGED = 8 * 1024 * 1024;

    private final String logId;
    private final Path dir;
    private final SegmentList segments;
    private final Supplier<LogConfig> config;
    private final InstantSource clock;
    private ByteBuffer staging = ByteBuffer.allocateDirect(256 * 1024);

    private volatile boolean sealed;
    private volatile long lastTimestamp;

    GroupWriter(String logId, Path dir, SegmentList segments, Supplier<LogConfig> config, InstantSource clock,
                long lastTimestamp) {
        this.logId = logId;
        this.dir = dir;
        this.segments = segments;
        this.config = config;
        this.clock = clock;
        this.lastTimestamp = lastTimestamp;
    }

    boolean isSealed() {
        return sealed;
    }

    long lastTimestamp() {
        return lastTimestamp;
    }

    /** Writes the group and returns what to complete once the write lock is released. */
    List<Runnable> write(List<PendingAppend> group) {
        Completions completions = new Completions();
        try {
            writeGroup(group, completions);
        } catch (IOException | RuntimeException e) {
            rollBack();
            LogException failure = new LogException("append to shard log " + logId + " failed", e);
            completions.failUnflushed(group, failure);
        }
        return completions.done;
    }

    /**
     * Completions of one group. An append's completion is released only once the flush holding
     * its frames succeeded, so a failure fails exactly the appends that are not stored.
     */
    private static final class Completions {
        final List<Runnable> done = new ArrayList<>();
        final List<Runnable> unflushed = new ArrayList<>();

        void add(Runnable completion) {
            unflushed.add(completion);
        }

        void flushed() {
            done.addAll(unflushed);
            unflushed.clear();
        }

        void failUnflushed(List<PendingAppend> group, LogException failure) {
            for (int i = done.size(); i < group.size(); i++) {
                PendingAppend pending = group.get(i);
                done.add(() -> fail(pending, failure));
            }
            unflushed.clear();
        }
    }

    /** Forces the active segment and persists index points (rolling, retention and close use it). */
    void flushActive() throws IOException {
        Segment active = segments.active();
        active.persistIndex();
        active.force();
    }

    /**
     * Starts a new empty active segment at the current end. The old segment is forced first, so
     * every segment but the last is on the device: recovery after a crash or power loss only has
     * to scan the last one.
     */
    void roll() throws IOException {
        Segment active = segments.active();
        active.persistIndex();
        active.force();
        Segment next = Segment.create(dir, active.nextSequence(), config.get().indexInterval());
        forceDirectory();
        segments.add(next);
    }

    private void writeGroup(List<PendingAppend> group, Completions completions) throws IOException {
        long timestamp = Math.max(clock.millis(), lastTimestamp);
        Segment active = segments.active();
        long sequence = active.nextSequence();
        int position = active.size();
        staging.clear();
        for (PendingAppend pending : group) {
            if (pending.isSeal()) {
                flush(active, position, sequence, timestamp);
                completions.flushed();
                sealed = true;
                long end = sequence;
                completions.add(() -> pending.sealed.complete(end));
                continue;
            }
            if (sealed) {
                completions.add(() -> pending.result.completeExceptionally(new SealedLogException(logId)));
                continue;
            }
            if (shouldRoll(active, position, pending.frameBytes, timestamp)) {
                flush(active, position, sequence, timestamp);
                completions.flushed();
                roll();
                active = segments.active();
                position = 0;
            }
            if (staging.position() > 0 && staging.position() + pending.frameBytes > MAX_STAGED) {
                flush(active, position, sequence, timestamp);
                completions.flushed();
            }
            ensureStagingRoom(pending.frameBytes);
            AppendResult result = new AppendResult(sequence, pending.records.size(), timestamp);
            for (int i = 0; i < pending.keys.length; i++) {
                AppendRecord record = pending.records.get(i);
                int frameStart = staging.position();
                RecordFormat.write(staging, sequence, timestamp, pending.keys[i], record.data());
                int frameSize = staging.position() - frameStart;
                active.noteRecord(sequence, position, timestamp, frameSize);
                position += frameSize;
                sequence++;
            }
            completions.add(() -> pending.result.complete(result));
        }
        flush(active, position, sequence, timestamp);
        completions.flushed();
    }

    private boolean shouldRoll(Segment active, int position, long bytes, long timestamp) {
        if (active.isEmpty() && staging.position() == 0) {
            return false;
        }
        LogConfig settings = config.get();
        long age = active.firstTimestamp() < 0 ? 0 : timestamp - active.firstTimestamp();
        return position + bytes > settings.segmentBytes() || age >= settings.segmentAge().toMillis();
    }

    /** Writes what is staged, forces it if configured, and publishes the new end to readers. */
    private void flush(Segment active, int position, long nextSequence, long timestamp) throws IOException {
        if (staging.position() == 0) {
            return;
        }
        staging.flip();
        active.write(staging);
        staging.clear();
        active.persistIndex();
        if (config.get().durability() == Durability.FSYNC) {
            active.force();
        }
        lastTimestamp = timestamp;
        active.publish(position, nextSequence, timestamp);
    }

    private void ensureStagingRoom(long bytes) {
        if (staging.remaining() >= bytes) {
            return;
        }
        long needed = staging.position() + bytes;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, staging.capacity() * 2L));
        ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
        staging.flip();
        bigger.put(staging);
        staging = bigger;
    }

    /** Forgets index points of records whose write failed, so readers never look for them. */
    private void rollBack() {
        staging.clear();
        try {
            segments.active().index().truncateFrom(segments.active().nextSequence());
        } catch (IOException | RuntimeException ignored) {
            // the in-memory points are already truncated; the files are rebuilt on recovery
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void fail(PendingAppend pending, LogException failure) {
        if (pending.isSeal()) {
            pending.sealed.completeExceptionally(failure);
        } else {
            pending.result.completeExceptionally(failure);
        }
    }
}
