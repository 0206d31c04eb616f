package dev.freshet.datastreams.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The sparse sequence index and time index of one segment: one index point every
 * {@code indexInterval} bytes of records, each naming a record's sequence, its file position and
 * its arrival timestamp. Arrival timestamps never decrease along a shard, so one set of points
 * answers both "where is sequence s" and "where is the first record at or after time t"; the points
 * are kept in memory and appended to two files so a restart need not rescan the segment:
 *
 * <pre>
 *  NNNN.index      repeated { relativeSequence: i32, position: i32 }     8 bytes per point
 *  NNNN.timeindex  repeated { timestamp: i64, relativeSequence: i32 }   12 bytes per point
 * </pre>
 * {@code relativeSequence} is the record's sequence minus the segment's base sequence. The files
 * are never forced: after a crash they may be short or stale, and recovery checks them against
 * the segment and rebuilds them when they disagree.
 *
 * <p>Not thread-safe for writes (the log's single writer owns it); lookups may run concurrently
 * with appends and see a consistent prefix of the points.
 */
final class SegmentIndex implements AutoCloseable {

    private static final int OFFSET_ENTRY = 8;
    private static final int TIME_ENTRY = 12;

    private final long baseSequence;
    private final Path offsetFile;
    private final Path timeFile;
    private FileChannel offsetChannel;
    private FileChannel timeChannel;

    private volatile long[] sequences = new long[64];
    private volatile int[] positions = new int[64];
    private volatile long[] timestamps = new long[64];
    private volatile int count;
    private int persisted;

    SegmentIndex(long baseSequence, Path offsetFile, Path timeFile) {
        this.baseSequence = baseSequence;
        this.offsetFile = offsetFile;
        this.timeFile = timeFile;
    }

    int size() {
        return count;
    }

    long sequence(int i) {
        return sequences[i];
    }

    int position(int i) {
        return positions[i];
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    void add(long sequence, int position, long timestamp) {
        int n = count;
        if (n == sequences.length) {
            grow(n * 2);
        }
        sequences[n] = sequence;
        positions[n] = position;
        timestamps[n] = timestamp;
        count = n + 1;
    }

    /** Index of the last point with sequence {@code <= sequence}, or -1. */
    int floorBySequence(long sequence) {
        return floor(sequences, count, sequence);
    }

    /** Index of the last point with timestamp {@code < timestamp}, or -1. */
    int lastBeforeTimestamp(long timestamp) {
        return floor(timestamps, count, timestamp - 1);
    }

    /** Drops every point at or after {@code sequence} (recovery only). */
    void truncateFrom(long sequence) throws IOException {
        count = floorBySequence(sequence - 1) + 1;
        persisted = Math.min(persisted, count);
        rewriteFiles();
    }

    /** Appends the points added since the last call to both files. */
    void persist() throws IOException {
        int n = count;
        if (persisted == n) {
            return;
        }
        ByteBuffer offsets = ByteBuffer.allocate((n - persisted) * OFFSET_ENTRY);
        ByteBuffer times = ByteBuffer.allocate((n - persisted) * TIME_ENTRY);
        for (int i = persisted; i < n; i++) {
            encode(i, offsets, times);
        }
        writeFully(offsetChannel(), offsets.flip(), (long) persisted * OFFSET_ENTRY);
        writeFully(timeChannel(), times.flip(), (long) persisted * TIME_ENTRY);
        persisted = n;
    }

    /**
     * Loads the points from the files. Returns false, leaving the index empty, when the files are
     * missing or inconsistent (sizes, order, or the two files disagreeing); the caller rebuilds.
     */
    boolean load(long segmentSize) throws IOException {
        if (!Files.exists(offsetFile) || !Files.exists(timeFile)) {
            return false;
        }
        long offsetBytes = Files.size(offsetFile);
        long timeBytes = Files.size(timeFile);
        if (offsetBytes % OFFSET_ENTRY != 0 || timeBytes % TIME_ENTRY != 0
            || offsetBytes / OFFSET_ENTRY != timeBytes / TIME_ENTRY) {
            return false;
        }
        ByteBuffer offsets = ByteBuffer.wrap(Files.readAllBytes(offsetFile));
        ByteBuffer times = ByteBuffer.wrap(Files.readAllBytes(timeFile));
        while (offsets.hasRemaining()) {
            if (!loadPoint(offsets, times, segmentSize)) {
                count = 0;
                return false;
            }
        }
        persisted = count;
        return true;
    }

    /** Forgets every point and empties the files (before a rebuild). */
    void clear() throws IOException {
        count = 0;
        persisted = 0;
        rewriteFiles();
    }

    Path offsetFile() {
        return offsetFile;
    }

    Path timeFile() {
        return timeFile;
    }

    @Override
    public void close() throws IOException {
        if (offsetChannel != null) {
            offsetChannel.close();
            offsetChannel = null;
        }
        if (timeChannel != null) {
            timeChannel.close();
            timeChannel = null;
        }
    }

    private boolean loadPoint(ByteBuffer offsets, ByteBuffer times, long segmentSize) {
        int relative = offsets.getInt();
        int position = offsets.getInt();
        long timestamp = times.getLong();
        int relativeAgain = times.getInt();
        int n = count;
        boolean ordered = n == 0 || (relative > sequences[n - 1] - baseSequence && position > positions[n - 1]
            && timestamp >= timestamps[n - 1]);
        if (relative < 0 || relative != relativeAgain || position < 0 || position >= segmentSize || !ordered) {
            return false;
        }
        add(baseSequence + relative, position, timestamp);
        return true;
    }

    private void encode(int i, ByteBuffer offsets, ByteBuffer times) {
        int relative = Math.toIntExact(sequences[i] - baseSequence);
        offsets.putInt(relative).putInt(positions[i]);
        times.putLong(timestamps[i]).putInt(relative);
    }

    private void rewriteFiles() throws IOException {
        offsetChannel().truncate((long) persisted * OFFSET_ENTRY);
        timeChannel().truncate((long) persisted * TIME_ENTRY);
        persist();
    }

    private void grow(int capacity) {
        long[] newSequences = Arrays.copyOf(sequences, capacity);
        int[] newPositions = Arrays.copyOf(positions, capacity);
        long[] newTimestamps = Arrays.copyOf(timestamps, capacity);
        sequences = newSequences;
        positions = newPositions;
        timestamps = newTimestamps;
    }

    private FileChannel offsetChannel() throws IOException {
        if (offsetChannel == null) {
            offsetChannel = FileChannel.open(offsetFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        return offsetChannel;
    }

    private FileChannel timeChannel() throws IOException {
        if (timeChannel == null) {
            timeChannel = FileChannel.open(timeFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        return timeChannel;
    }

    private static int floor(long[] keys, int n, long key) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
    }
}
