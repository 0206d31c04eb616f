package dev.freshet.datastreams.log.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings a shard log folder to a consistent state when the log is opened, whatever happened
 * before: a clean close, {@code kill -9}, or a power loss.
 *
 * <ol>
 *   <li>Leftovers of deletions ({@code *.deleted}) and index files without a segment are removed.</li>
 *   <li>Each segment's index is loaded; if it is missing or inconsistent it is rebuilt by scanning.</li>
 *   <li>Each segment is checked from its last index point to its end; after an unclean shutdown
 *   the last segment is checked from its first byte. Frames must be whole, CRC-valid, with
 *   consecutive sequences and non-decreasing timestamps. At the first bad frame the segment is
 *   truncated there and every later segment is deleted, so the log is always a gapless prefix of
 *   what was written.</li>
 * </ol>
 * Only the last segment can hold a torn or unflushed write: a segment is forced to the device
 * before the next one is created. A torn tail only holds records whose append was never
 * acknowledged (the acknowledgement follows the write), so truncating it loses nothing a producer
 * was told is stored. Damage inside older, flushed segments (bit rot) is not searched for here; a
 * read that meets it fails with a {@code LogException} naming the place.
 *
 * <p>Not thread-safe; runs before the log is shared.
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private final Path dir;
    private final int indexInterval;

    LogRecovery(Path dir, int indexInterval) {
        this.dir = dir;
        this.indexInterval = indexInterval;
    }

    /** Recovers the folder and returns its segments, oldest first; creates segment 0 if there is none. */
    List<Segment> recover() throws IOException {
        Files.createDirectories(dir);
        boolean clean = Files.deleteIfExists(dir.resolve(FileNames.CLEAN_SHUTDOWN));
        removeLeftovers();
        List<Long> bases = segmentBases();
        List<Segment> segments = new ArrayList<>();
        long expectedBase = bases.isEmpty() ? 0 : bases.get(0);
        long lastTimestamp = -1;
        for (int i = 0; i < bases.size(); i++) {
            if (bases.get(i) != expectedBase) {
                deleteFrom(bases, i);
                break;
            }
            Segment segment = Segment.open(dir, bases.get(i), indexInterval);
            boolean last = i == bases.size() - 1;
            boolean whole = recoverSegment(segment, !clean && last, lastTimestamp);
            segments.add(segment);
            expectedBase = segment.nextSequence();
            lastTimestamp = Math.max(lastTimestamp, segment.lastTimestamp());
            if (!whole) {
                deleteFrom(bases, i + 1);
                break;
            }
        }
        if (segments.isEmpty()) {
            segments.add(Segment.create(dir, expectedBase, indexInterval));
        }
        return segments;
    }

    /**
     * Makes one segment consistent. Returns false when it had to be truncated (so later segments
     * must go). {@code fullScan} forces a scan from the first byte instead of the last index point.
     */
    private boolean recoverSegment(Segment segment, boolean fullScan, long previousTimestamp) throws IOException {
        long fileSize = Files.size(segment.file());
        boolean indexUsable = !fullScan && segment.index().load(fileSize);
        if (!indexUsable) {
            segment.index().clear();
        }
        int from = indexUsable ? segment.index().size() - 1 : -1;
        ScanResult scan = scan(segment, from, fileSize, previousTimestamp);
        if (scan == null) {
            segment.index().clear();
            scan = scan(segment, -1, fileSize, previousTimestamp);
        }
        segment.truncateTo(scan.size, scan.nextSequence, scan.firstTimestamp, scan.lastTimestamp,
            scan.bytesSinceIndexPoint);
        segment.persistIndex();
        if (scan.size < fileSize) {
            LOG.atWarn().setMessage("truncated torn or corrupt segment tail")
                .addKeyValue("segment", segment.file()).addKeyValue("validBytes", scan.size)
                .addKeyValue("fileBytes", fileSize).log();
            return false;
        }
        return true;
    }

    private record ScanResult(int size, long nextSequence, long firstTimestamp, long lastTimestamp,
                              int bytesSinceIndexPoint) {
    }

    /**
     * Scans from index point {@code fromPoint} (-1: from the start, rebuilding points as it goes).
     * Returns null when the index point does not match the data, so the caller rescans fully.
     */
    private ScanResult scan(Segment segment, int fromPoint, long fileSize, long previousTimestamp)
        throws IOException {
        SegmentIndex index = segment.index();
        long sequence = fromPoint < 0 ? segment.baseSequence() : index.sequence(fromPoint);
        int position = fromPoint < 0 ? 0 : index.position(fromPoint);
        long lastTimestamp = fromPoint < 0 ? previousTimestamp : index.timestamp(fromPoint);
        long firstTimestamp = index.size() > 0 ? index.timestamp(0) : -1;
        int sinceIndexPoint = 0;
        FrameCursor cursor = new FrameCursor(segment.channel(), position, fileSize, FrameCursor.DEFAULT_CHUNK);
        ByteBuffer frame;
        boolean first = true;
        while ((frame = cursor.next()) != null) {
            long frameSequence = RecordFormat.sequenceAt(frame);
            long timestamp = RecordFormat.timestampAt(frame);
            if (frameSequence != sequence || timestamp < lastTimestamp) {
                if (first && fromPoint >= 0) {
                    return null;
                }
                break;
            }
            int frameSize = frame.remaining();
            if (!first || fromPoint < 0) {
                if (index.size() == 0 || sinceIndexPoint >= indexInterval) {
                    index.add(sequence, position, timestamp);
                    sinceIndexPoint = 0;
                }
            }
            if (firstTimestamp < 0) {
                firstTimestamp = timestamp;
            }
            first = false;
            sinceIndexPoint += frameSize;
            position += frameSize;
            lastTimestamp = timestamp;
            sequence++;
        }
        if (first && fromPoint >= 0) {
            return null;
        }
        return new ScanResult(position, sequence, firstTimestamp, lastTimestamp, sinceIndexPoint);
    }

    private void removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean orphanIndex = (name.endsWith(FileNames.INDEX) || name.endsWith(FileNames.TIME_INDEX))
                    && !Files.exists(dir.resolve(name.substring(0, 20) + FileNames.LOG));
                if (name.endsWith(FileNames.DELETED) || orphanIndex) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private List<Long> segmentBases() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(FileNames::baseOf).filter(base -> base >= 0).sorted().boxed().toList();
        }
    }

    private void deleteFrom(List<Long> bases, int from) throws IOException {
        for (int i = from; i < bases.size(); i++) {
            LOG.atWarn().setMessage("deleting segment after a corrupt one")
                .addKeyValue("segment", FileNames.log(dir, bases.get(i))).log();
            Files.deleteIfExists(FileNames.log(dir, bases.get(i)));
            Files.deleteIfExists(FileNames.index(dir, bases.get(i)));
            Files.deleteIfExists(FileNames.timeIndex(dir, bases.get(i)));
        }
    }
}
