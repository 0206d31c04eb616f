package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentNumbers;
import dev.freshet.fragments.store.TimestampKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory index of one stream's retained fragments, in sequence order: what ListFragments,
 * playlists and GetMedia selectors query, without touching media. Server timestamps never
 * decrease along it (the log assigns them so); producer timestamps normally do not either, and
 * while that holds, timestamp queries are binary searches — otherwise they scan.
 *
 * <p>Thread-safe (all methods synchronized; each is short).
 */
final class FragmentIndex {

    /** Producer time may jitter this much between fragments before it counts as a gap. */
    private static final long MIN_GAP_MILLIS = 500;

    private final long streamCreatedMillis;
    /** Breaks counted before the oldest entry still held (trimmed entries keep counting). */
    private long baseBreaks;
    private long[] sequences = new long[256];
    private long[] producer = new long[256];
    private long[] server = new long[256];
    private long[] duration = new long[256];
    private long[] size = new long[256];
    private long[] tracks = new long[256];
    private long[] breaks = new long[256];
    private int count;
    private boolean producerOrdered = true;

    FragmentIndex(long streamCreatedMillis) {
        this.streamCreatedMillis = streamCreatedMillis;
    }

    /** Adds an entry; entries may arrive out of order under concurrent appends and are placed by sequence. */
    synchronized void add(long sequence, FragmentRecord.Header header) {
        if (count == sequences.length) {
            grow();
        }
        int at = count;
        while (at > 0 && sequences[at - 1] > sequence) {
            at--;
        }
        if (at > 0 && sequences[at - 1] == sequence) {
            return;
        }
        shiftRight(at);
        set(at, sequence, header);
        count++;
        recountBreaksFrom(at);
        producerOrdered &= (at == 0 || producer[at - 1] <= producer[at]) && (at == count - 1 || producer[at] <= producer[at + 1]);
    }

    synchronized long lastSequence() {
        return count == 0 ? -1 : sequences[count - 1];
    }

    synchronized long lastServerMillis() {
        return count == 0 ? Long.MIN_VALUE : server[count - 1];
    }

    /** Forgets entries below {@code firstRetained} (retention removed their fragments). */
    synchronized void trimBelow(long firstRetained) {
        int drop = 0;
        while (drop < count && sequences[drop] < firstRetained) {
            drop++;
        }
        if (drop == 0) {
            return;
        }
        baseBreaks = breaks[drop - 1];
        for (long[] column : columns()) {
            System.arraycopy(column, drop, column, 0, count - drop);
        }
        count -= drop;
    }

    synchronized List<FragmentInfo> between(TimestampKind kind, long from, long to, long afterSequence, int max) {
        long[] times = kind == TimestampKind.PRODUCER ? producer : server;
        boolean ordered = kind == TimestampKind.SERVER || producerOrdered;
        int start = ordered ? lowerBound(times, from) : 0;
        List<FragmentInfo> out = new ArrayList<>();
        for (int i = start; i < count && out.size() < max; i++) {
            if (ordered && times[i] > to) {
                break;
            }
            if (times[i] >= from && times[i] <= to && sequences[i] > afterSequence) {
                out.add(info(i));
            }
        }
        return out;
    }

    synchronized List<FragmentInfo> after(long afterSequence, int max) {
        int start = upperBoundSequence(afterSequence);
        List<FragmentInfo> out = new ArrayList<>();
        for (int i = start; i < count && out.size() < max; i++) {
            out.add(info(i));
        }
        return out;
    }

    synchronized Optional<FragmentInfo> latest() {
        return count == 0 ? Optional.empty() : Optional.of(info(count - 1));
    }

    synchronized Optional<FragmentInfo> find(long sequence) {
        int i = Arrays.binarySearch(sequences, 0, count, sequence);
        return i < 0 ? Optional.empty() : Optional.of(info(i));
    }

    synchronized int size() {
        return count;
    }

    private FragmentInfo info(int i) {
        return new FragmentInfo(sequences[i], FragmentNumbers.format(streamCreatedMillis, sequences[i], server[i]),
            producer[i], server[i], duration[i], size[i], tracks[i], breakBefore(i), breaks[i]);
    }

    private void set(int i, long sequence, FragmentRecord.Header header) {
        sequences[i] = sequence;
        producer[i] = header.producerMillis();
        server[i] = header.serverMillis();
        duration[i] = header.durationMillis();
        size[i] = header.sizeBytes();
        tracks[i] = header.tracksFingerprint();
    }

    /** Whether entry {@code i} does not continue entry {@code i - 1} seamlessly. */
    private boolean breakBefore(int i) {
        if (i == 0) {
            return false;
        }
        long expected = producer[i - 1] + duration[i - 1];
        long tolerance = Math.max(MIN_GAP_MILLIS, duration[i - 1] / 4);
        return tracks[i] != tracks[i - 1] || Math.abs(producer[i] - expected) > tolerance;
    }

    private void recountBreaksFrom(int from) {
        for (int i = from; i < count; i++) {
            long before = i == 0 ? baseBreaks : breaks[i - 1];
            breaks[i] = before + (breakBefore(i) ? 1 : 0);
        }
    }

    private void shiftRight(int at) {
        for (long[] column : columns()) {
            System.arraycopy(column, at, column, at + 1, count - at);
        }
    }

    private int lowerBound(long[] times, long value) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int upperBoundSequence(long sequence) {
        int i = Arrays.binarySearch(sequences, 0, count, sequence);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private long[][] columns() {
        return new long[][] {sequences, producer, server, duration, size, tracks, breaks};
    }

    private void grow() {
        int capacity = sequences.length * 2;
        sequences = Arrays.copyOf(sequences, capacity);
        producer = Arrays.copyOf(producer, capacity);
        server = Arrays.copyOf(server, capacity);
        duration = Arrays.copyOf(duration, capacity);
        size = Arrays.copyOf(size, capacity);
        tracks = Arrays.copyOf(tracks, capacity);
        breaks = Arrays.copyOf(breaks, capacity);
    }
}
