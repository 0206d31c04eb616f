package dev.freshet.bench.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine has used so far, from the first line of {@code /proc/stat} (proc(5):
 * {@code cpu user nice system idle iowait irq softirq steal guest guest_nice}, clock ticks summed
 * over every core), split three ways: time charged to processes ({@code user nice system};
 * {@code guest} is already inside {@code user}), interrupt time charged to none
 * ({@code irq softirq}: loopback TCP is partly handled there), and {@code steal}, time the
 * hypervisor gave to other machines.
 *
 * <p>The benchmark shares its two cores with whatever else runs (other test runs included):
 * process time minus the server's and the generator's is what other processes took meanwhile, so a
 * figure measured on a busy machine says so.
 *
 * <p>Immutable; thread-safe.
 */
public final class MachineCpu {

    /** Seconds of CPU so far, by kind. */
    record Reading(double processes, double interrupts, double steal) {
    }

    private static final Path STAT = Path.of("/proc/stat");
    // indexes after the "cpu" label
    private static final int USER = 0;
    private static final int NICE = 1;
    private static final int SYSTEM = 2;
    private static final int IRQ = 5;
    private static final int SOFTIRQ = 6;
    private static final int STEAL = 7;

    private final int clockTicks;

    public MachineCpu(int clockTicks) {
        this.clockTicks = clockTicks;
    }

    Reading read() {
        String first;
        try {
            first = Files.readAllLines(STAT).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STAT, e);
        }
        String[] label = first.trim().split("\\s+");
        long[] ticks = new long[label.length - 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(label[i + 1]);
        }
        return new Reading(seconds(ticks[USER] + ticks[NICE] + ticks[SYSTEM]),
            seconds(ticks[IRQ] + ticks[SOFTIRQ]), seconds(ticks.length > STEAL ? ticks[STEAL] : 0));
    }

    private double seconds(long ticks) {
        return (double) ticks / clockTicks;
    }
}
