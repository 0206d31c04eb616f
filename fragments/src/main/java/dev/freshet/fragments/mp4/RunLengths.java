package dev.freshet.fragments.mp4;

import java.util.Arrays;

/**
 * Run-length encoding of a per-sample column, the way {@code stts} and {@code ctts} store it:
 * (count, value) pairs. Immutable after construction; thread-safe.
 */
final class RunLengths {

    private final int[] counts;
    private final int[] values;

    private RunLengths(int[] counts, int[] values) {
        this.counts = counts;
        this.values = values;
    }

    static RunLengths of(int[] column) {
        int[] counts = new int[column.length];
        int[] values = new int[column.length];
        int runs = 0;
        for (int i = 0; i < column.length; i++) {
            if (runs > 0 && values[runs - 1] == column[i]) {
                counts[runs - 1]++;
            } else {
                counts[runs] = 1;
                values[runs++] = column[i];
            }
        }
        return new RunLengths(Arrays.copyOf(counts, runs), Arrays.copyOf(values, runs));
    }

    int size() {
        return counts.length;
    }

    void write(BoxBuffer out) {
        for (int i = 0; i < counts.length; i++) {
            out.u32(counts[i]);
            out.u32(values[i] & 0xFFFFFFFFL);
        }
    }
}
