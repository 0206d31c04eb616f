package dev.freshet.bench.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time all processes of the machine have used so far, from the first line of {@code /proc/stat}
 * (proc(5): {@code cpu user nice system idle iowait irq softirq steal guest guest_nice}, clock
 * ticks summed over every core). Busy time is everything but {@code idle} and {@code iowait};
 * {@code guest} is already inside {@code user}, so it is not added again.
 *
 * <p>The benchmark shares its two cores with whatever else runs (other test runs included): this
 * minus the server and the generator is what other processes took meanwhile, so a figure measured
 * on a busy machine says so.
 *
 * <p>Immutable; thread-safe.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    /** Fields after "cpu": user nice system idle iowait irq softirq steal. */
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int COUNTED = 8;

    private final int clockTicks;

    MachineCpu(int clockTicks) {
        this.clockTicks = clockTicks;
    }

    /** Busy CPU seconds of the whole machine so far. */
    double busySeconds() {
        String first;
        try {
            first = Files.readAllLines(STAT).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STAT, e);
        }
        String[] fields = first.trim().split("\\s+");
        long busy = 0;
        for (int i = 0; i < COUNTED && i + 1 < fields.length; i++) {
            if (i != IDLE && i != IOWAIT) {
                busy += Long.parseLong(fields[i + 1]);
            }
        }
        return (double) busy / clockTicks;
    }
}
