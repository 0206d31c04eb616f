package dev.freshet.datastreams.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of a shard log: the frames (see {@link RecordFormat}) of the records with
 * sequences {@code [baseSequence, nextSequence)}, back to back, plus their {@link SegmentIndex}.
 *
 * <p>Invariants: the first {@code size} bytes of the file are whole, valid frames with consecutive
 * sequences starting at {@code baseSequence}; timestamps never decrease. Bytes past {@code size}
 * are either being written or garbage from a torn write that recovery truncated.
 *
 * <p>Thread-safety: one writer (the log's group committer) calls the mutating methods; readers may
 * call the read methods concurrently and only ever see committed state, because the writer
 * publishes {@code size} and {@code nextSequence} (volatile) after the bytes are written.
 */
final class Segment implements AutoCloseable {

    private final long baseSequence;
    private final Path file;
    private final FileChannel channel;
    private final SegmentIndex index;
    private final int indexInterval;

    private volatile int size;
    private volatile long nextSequence;
    private volatile long firstTimestamp = -1;
    private volatile long lastTimestamp = -1;
    private int bytesSinceIndexPoint;

    private Segment(long baseSequence, Path dir, int indexInterval) throws IOException {
        this.baseSequence = baseSequence;
        this.file = FileNames.log(dir, baseSequence);
        this.indexInterval = indexInterval;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        this.index = new SegmentIndex(baseSequence, FileNames.index(dir, baseSequence),
            FileNames.timeIndex(dir, baseSequence));
        this.nextSequence = baseSequence;
    }

    /** Creates an empty segment file (or truncates a leftover one) starting at {@code baseSequence}. */
    static Segment create(Path dir, long baseSequence, int indexInterval) throws IOException {
        Segment segment = new Segment(baseSequence, dir, indexInterval);
        segment.channel.truncate(0);
        segment.index.clear();
        return segment;
    }

    /** Opens an existing segment without checking it; {@link LogRecovery} makes it consistent. */
    static Segment open(Path dir, long baseSequence, int indexInterval) throws IOException {
        return new Segment(baseSequence, dir, indexInterval);
    }

    long baseSequence() {
        return baseSequence;
    }

    long nextSequence() {
        return nextSequence;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return nextSequence == baseSequence;
    }

    long firstTimestamp() {
        return firstTimestamp;
    }

    long lastTimestamp() {
        return lastTimestamp;
    }

    Path file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    SegmentIndex index() {
        return index;
    }

    // ---- writer side ------------------------------------------------------------------------

    /** Writes frames at the end of the committed bytes; they stay invisible until {@link #publish}. */
    void write(ByteBuffer frames) throws IOException {
        SegmentIndex.writeFully(channel, frames, size);
    }

    /**
     * Notes a record written at {@code position} (before {@link #publish}): adds an index point
     * when an interval's worth of bytes went by since the last one.
     */
    void noteRecord(long sequence, int position, long timestamp, int frameSize) {
        if (firstTimestamp < 0) {
            firstTimestamp = timestamp;
        }
        if (index.size() == 0 || bytesSinceIndexPoint >= indexInterval) {
            index.add(sequence, position, timestamp);
            bytesSinceIndexPoint = 0;
        }
        bytesSinceIndexPoint += frameSize;
    }

    /** Makes the records written so far visible to readers. */
    void publish(int newSize, long newNextSequence, long newLastTimestamp) {
        lastTimestamp = newLastTimestamp;
        size = newSize;
        nextSequence = newNextSequence;
    }

    void persistIndex() throws IOException {
        index.persist();
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Recovery: the segment is valid up to {@code validSize}; drop the rest. */
    void truncateTo(int validSize, long validNextSequence, long validFirstTimestamp, long validLastTimestamp,
                    int bytesSinceLastPoint) throws IOException {
        channel.truncate(validSize);
        index.truncateFrom(validNextSequence);
        firstTimestamp = validFirstTimestamp;
        bytesSinceIndexPoint = bytesSinceLastPoint;
        publish(validSize, validNextSequence, validLastTimestamp);
    }

    // ---- reader side ------------------------------------------------------------------------

    /** File position of the index point at or before {@code sequence} (0 if none). */
    int floorPosition(long sequence) {
        int i = index.floorBySequence(sequence);
        return i < 0 ? 0 : index.position(i);
    }

    /** File position of the last index point strictly before {@code timestamp} (0 if none). */
    int positionBeforeTimestamp(long timestamp) {
        int i = index.lastBeforeTimestamp(timestamp);
        return i < 0 ? 0 : index.position(i);
    }

    FrameCursor cursor(long startPosition, int chunkSize) {
        return new FrameCursor(channel, startPosition, size, chunkSize);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            index.close();
        }
    }

    /**
     * Closes and removes the segment's files: renamed out of the way first (atomic), so a crash
     * midway leaves only {@code .deleted} leftovers that recovery removes.
     */
    void delete() throws IOException {
        close();
        for (Path path : new Path[] {file, index.offsetFile(), index.timeFile()}) {
            FileNames.renameForDeletion(path);
        }
        for (Path path : new Path[] {file, index.offsetFile(), index.timeFile()}) {
            Files.deleteIfExists(path.resolveSibling(path.getFileName() + FileNames.DELETED));
        }
    }
}
