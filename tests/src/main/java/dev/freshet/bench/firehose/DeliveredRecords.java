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
 * <p>Thread-safe (synchronized; one probe thread records, the report reads at the end).
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

    /** One object's content (stamped records back to back), made visible at {@code visibleMicros}. */
    synchronized void object(byte[] content, int recordSize, long visibleMicros) {
        for (int offset = 0; offset + recordSize <= content.length; offset += recordSize) {
            record(StampedRecords.serial(content, offset), StampedRecords.sentMicros(content, offset), recordSize,
                visibleMicros);
        }
    }

    /** One record of {@code bytes}, sent at {@code sentMicros}, made visible at {@code visibleMicros}. */
    synchronized void record(long serial, long sentMicros, int bytes, long visibleMicros) {
        if (seen.get((int) serial)) {
            duplicates++;
            return;
        }
        seen.set((int) serial);
        records++;
        if (sentMicros >= windowStartMicros && sentMicros < windowEndMicros) {
            freshnessMicros.recordValue(Math.max(0, visibleMicros - sentMicros));
        }
        if (visibleMicros >= windowStartMicros && visibleMicros < windowEndMicros) {
            windowBytes += bytes;
        }
    }

    /** The lowest serial not delivered yet: every one below it was. */
    synchronized long firstUnseen() {
        return seen.nextClearBit(0);
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
