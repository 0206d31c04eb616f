package dev.freshet.bench.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far (user + system, all its threads), from {@code /proc/PID/stat}
 * (proc(5): fields 14 {@code utime} and 15 {@code stime}, in clock ticks of {@code getconf CLK_TCK}).
 * The command name (field 2) may hold spaces and parentheses, so fields are counted from the last
 * {@code ')'}.
 *
 * <p>Immutable; thread-safe.
 */
public final class ProcessCpu {

    /** Fields before the first one after the command name: pid and comm. */
    private static final int FIELDS_BEFORE_STATE = 2;
    private static final int UTIME_FIELD = 14;

    private final Path stat;
    private final int clockTicks;

    ProcessCpu(Path stat, int clockTicks) {
        this.stat = stat;
        this.clockTicks = clockTicks;
    }

    public static ProcessCpu of(long pid, int clockTicks) {
        return new ProcessCpu(Path.of("/proc", Long.toString(pid), "stat"), clockTicks);
    }

    public static ProcessCpu self(int clockTicks) {
        return of(ProcessHandle.current().pid(), clockTicks);
    }

    /** CPU seconds used so far. */
    double seconds() {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + " (has the process exited?)", e);
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        int utime = UTIME_FIELD - FIELDS_BEFORE_STATE - 1;
        long ticks = Long.parseLong(fields[utime]) + Long.parseLong(fields[utime + 1]);
        return (double) ticks / clockTicks;
    }
}
