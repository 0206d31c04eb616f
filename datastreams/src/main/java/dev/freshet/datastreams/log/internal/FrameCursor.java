package dev.freshet.datastreams.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Walks the record frames of a segment file between two positions, reading the file in chunks.
 * Each call to {@link #next()} returns a view positioned at one complete, CRC-checked frame; it
 * stops at the end position or at the first bytes that are not a valid frame, which
 * {@link #stoppedAtInvalidFrame()} then reports (recovery truncates there; a reader treats it as
 * corruption).
 *
 * <p>Not thread-safe; one cursor per read.
 */
final class FrameCursor {

    static final int DEFAULT_CHUNK = 256 * 1024;

    private final FileChannel channel;
    private final long end;
    private ByteBuffer buffer;
    /** File position of {@code buffer}'s byte 0. */
    private long bufferStart;
    private long position;
    private boolean invalid;

    FrameCursor(FileChannel channel, long start, long end, int chunkSize) {
        this.channel = channel;
        this.end = end;
        this.position = start;
        this.bufferStart = start;
        this.buffer = ByteBuffer.allocate((int) Math.max(RecordFormat.OVERHEAD, Math.min(chunkSize, end - start)));
        this.buffer.limit(0);
    }

    /** File position of the next frame (after the last one returned). */
    long position() {
        return position;
    }

    boolean stoppedAtInvalidFrame() {
        return invalid;
    }

    /** The next valid frame as a buffer positioned at its first byte and limited to its end, or null. */
    ByteBuffer next() throws IOException {
        if (position >= end || invalid) {
            return null;
        }
        if (!fill(Math.min(RecordFormat.OVERHEAD, end - position))) {
            return stop();
        }
        int claimed = RecordFormat.claimedFrameSize(view());
        if (claimed < 0 || position + claimed > end || !fill(claimed)) {
            return stop();
        }
        ByteBuffer frame = view().limit(offset() + claimed);
        if (RecordFormat.validFrameSize(frame) != claimed) {
            return stop();
        }
        position += claimed;
        return frame;
    }

    private ByteBuffer stop() {
        invalid = true;
        return null;
    }

    private int offset() {
        return (int) (position - bufferStart);
    }

    private ByteBuffer view() {
        return buffer.duplicate().position(offset());
    }

    /** Makes sure {@code need} bytes from the current position are in the buffer; false at EOF. */
    private boolean fill(long need) throws IOException {
        if (buffer.limit() - offset() >= need) {
            return true;
        }
        compactOrGrow((int) need);
        while (buffer.limit() - offset() < need) {
            ByteBuffer free = buffer.duplicate().position(buffer.limit()).limit(buffer.capacity());
            long want = Math.min(free.remaining(), end - (bufferStart + buffer.limit()));
            free.limit(free.position() + (int) want);
            int read = want <= 0 ? -1 : channel.read(free, bufferStart + buffer.limit());
            if (read <= 0) {
                return false;
            }
            buffer.limit(buffer.limit() + read);
        }
        return true;
    }

    private void compactOrGrow(int need) {
        int kept = buffer.limit() - offset();
        ByteBuffer target = need > buffer.capacity() ? ByteBuffer.allocate(need) : buffer;
        ByteBuffer remaining = buffer.duplicate().position(offset());
        if (target == buffer) {
            buffer.position(0);
            buffer.put(remaining.slice());
            buffer.position(0);
        } else {
            target.put(remaining);
            target.position(0);
        }
        buffer = target;
        buffer.limit(kept);
        bufferStart = position;
    }
}
