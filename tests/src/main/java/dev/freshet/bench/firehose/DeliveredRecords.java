package dev.freshet.bench.firehose;

import dev.freshet.bench.ReportLine;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.BitSet;

/**
 * What reached the destination: each delivered record's freshness (sent → visible at the
 * destination), bytes delivered inside the measured window, duplicates and, against what was
 * sent, the missing.
 *
 * <p>Thread-safe (synchronized; one watcher thread records, the report reads at the end).
 */
final class DeliveredRecords {

    private final Histogram freshnessMicros = new ConcurrentHistogram(3);
    private final BitSet seen = new BitSet();
    private final long windowStartMicros;
    private final long windowEndMicros;
    private long records;
    private long duplicates;
    private long windowBytes;

    DeliveredRecords(long windowStartMicros, long windowEndMicros) {
        this.windowStartMicros = windowStartMicros;
        this.windowEndMicros = windowEndMicros;
    }

    /** One object's content, made visible at {@code visibleMicros}. */
    synchronized void object(byte[] content, int recordSize, long visibleMicros) {
        for (int offset = 0; offset + recordSize <= content.length; offset += recordSize) {
            long serial = StampedRecords.serial(content, offset);
            if (seen.get((int) serial)) {
                duplicates++;
                continue;
            }
            seen.set((int) serial);
            records++;
            long sent = StampedRecords.sentMicros(content, offset);
            if (sent >= windowStartMicros && sent < windowEndMicros) {
                freshnessMicros.recordValue(Math.max(0, visibleMicros - sent));
            }
            if (visibleMicros >= windowStartMicros && visibleMicros < windowEndMicros) {
                windowBytes += recordSize;
            }
        }
    }

    synchronized long records() {
        return records;
    }

    /** Serials below {@code sent} that never arrived. */
    synchronized long missing(long sent) {
        return sent - seen.get(0, (int) sent).cardinality();
    }

    synchronized void report(ReportLine line, double windowSeconds, long sent) {
        line.put("deliveredRecords", records);
        line.put("duplicates", duplicates);
        line.put("missing", missing(sent));
        line.put("deliveredMBps", windowBytes / windowSeconds / 1e6);
        line.latencies("freshness", freshnessMicros);
    }
}
