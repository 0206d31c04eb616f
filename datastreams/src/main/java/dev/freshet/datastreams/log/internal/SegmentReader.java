package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ReadResult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records and answers position questions over a snapshot of a log's segments. Readers use
 * positional reads on the segment files, so they never take the write lock, and stop at each
 * segment's published size, so they never see an unacknowledged record.
 *
 * <p>Stateless apart from the snapshot; thread-safe.
 */
final class SegmentReader {

    private static final int MAX_CHUNK = 1024 * 1024;

    private final String logId;

    SegmentReader(String logId) {
        this.logId = logId;
    }

    /** Reads from {@code from}, skipping records older than {@code notBefore}. */
    ReadResult read(Segment[] segments, long from, long end, int maxRecords, long maxBytes, long notBefore)
        throws IOException {
        List<LogRecord> records = new ArrayList<>(Math.min(maxRecords, 1024));
        long next = from;
        long bytes = 0;
        for (int i = SegmentList.floor(segments, from); i < segments.length && next < end; i++) {
            Segment segment = segments[i];
            FrameCursor cursor = segment.cursor(segment.floorPosition(next), chunkFor(maxBytes));
            ByteBuffer frame;
            while (next < end && records.size() < maxRecords && (frame = cursor.next()) != null) {
                long sequence = RecordFormat.sequenceAt(frame);
                if (sequence < next || RecordFormat.timestampAt(frame) < notBefore) {
                    next = Math.max(next, sequence + 1);
                    continue;
                }
                int dataLength = RecordFormat.dataLengthAt(frame);
                if (!records.isEmpty() && bytes + dataLength > maxBytes) {
                    return new ReadResult(records, next, end, bytes);
                }
                records.add(RecordFormat.decode(frame));
                bytes += dataLength;
                next = sequence + 1;
            }
            checkIntact(cursor, segment);
            if (records.size() >= maxRecords) {
                break;
            }
        }
        return new ReadResult(records, next, end, bytes);
    }

    /** First sequence at or after {@code from} whose timestamp is {@code >= timestamp}, or {@code end}. */
    long sequenceAtTimestamp(Segment[] segments, long timestamp, long end) throws IOException {
        for (Segment segment : segments) {
            if (segment.isEmpty() || segment.lastTimestamp() < timestamp) {
                continue;
            }
            FrameCursor cursor = segment.cursor(segment.positionBeforeTimestamp(timestamp), FrameCursor.DEFAULT_CHUNK);
            ByteBuffer frame;
            while ((frame = cursor.next()) != null) {
                if (RecordFormat.timestampAt(frame) >= timestamp) {
                    return RecordFormat.sequenceAt(frame);
                }
            }
            checkIntact(cursor, segment);
        }
        return end;
    }

    /** Timestamp of the record at {@code sequence}, or -1 when it is not in these segments. */
    long timestampOf(Segment[] segments, long sequence) throws IOException {
        Segment segment = segments[SegmentList.floor(segments, sequence)];
        if (sequence < segment.baseSequence() || sequence >= segment.nextSequence()) {
            return -1;
        }
        FrameCursor cursor = segment.cursor(segment.floorPosition(sequence), FrameCursor.DEFAULT_CHUNK);
        ByteBuffer frame;
        while ((frame = cursor.next()) != null) {
            if (RecordFormat.sequenceAt(frame) == sequence) {
                return RecordFormat.timestampAt(frame);
            }
        }
        checkIntact(cursor, segment);
        return -1;
    }

    private static int chunkFor(long maxBytes) {
        return (int) Math.max(64 * 1024, Math.min(MAX_CHUNK, maxBytes + 64 * 1024));
    }

    /** Committed bytes are always valid frames; anything else is damage on disk, not a torn write. */
    private void checkIntact(FrameCursor cursor, Segment segment) {
        if (cursor.stoppedAtInvalidFrame()) {
            throw new LogException("corrupt record in shard log " + logId + " segment " + segment.file()
                + " at byte " + cursor.position());
        }
    }
}
