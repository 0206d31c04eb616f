package dev.freshet.bench.video;

/**
 * CPU seconds the server, the generator and the rest of the machine used during an interval, read
 * at its two ends.
 *
 * @param serverSeconds     the server process, all threads
 * @param generatorSeconds  this process: cameras, uploads, viewers, clients
 * @param othersSeconds     every other process (process time of the machine minus the two above)
 * @param interruptSeconds  interrupt and softirq time charged to no process (part of loopback TCP)
 * @param stealSeconds      time the hypervisor gave to other machines
 * @param windowSeconds     the interval's length
 */
public record CpuUse(double serverSeconds, double generatorSeconds, double othersSeconds, double interruptSeconds,
              double stealSeconds, double windowSeconds) {

    /** Sleeps until the window starts, reads the counters, sleeps until it ends, reads again. */
    public static CpuUse across(Window window, Meter meter) throws InterruptedException {
        VideoLoadGenerator.sleepUntil(window.startNanos());
        Meter.Reading start = meter.read();
        VideoLoadGenerator.sleepUntil(window.endNanos());
        return meter.read().since(start);
    }

    /** Cores the server kept busy on average. */
    public double serverCores() {
        return serverSeconds / windowSeconds;
    }

    public double generatorCores() {
        return generatorSeconds / windowSeconds;
    }

    /** Cores other processes kept busy: high means the figures were measured on a shared machine. */
    public double othersCores() {
        // process and machine counters are read a moment apart and tick at 10 ms: never below 0
        return Math.max(0, othersSeconds / windowSeconds);
    }

    public double interruptCores() {
        return interruptSeconds / windowSeconds;
    }

    public double stealCores() {
        return stealSeconds / windowSeconds;
    }

    /** The counters, read together. */
    public record Meter(ProcessCpu server, ProcessCpu generator, MachineCpu machine) {

        public record Reading(double server, double generator, MachineCpu.Reading machine, long nanos) {

            public CpuUse since(Reading start) {
                double serverUsed = server - start.server;
                double generatorUsed = generator - start.generator;
                return new CpuUse(serverUsed, generatorUsed,
                    machine.processes() - start.machine.processes() - serverUsed - generatorUsed,
                    machine.interrupts() - start.machine.interrupts(), machine.steal() - start.machine.steal(),
                    (nanos - start.nanos) / 1e9);
            }
        }

        public Reading read() {
            return new Reading(server.seconds(), generator.seconds(), machine.read(), System.nanoTime());
        }
    }
}
