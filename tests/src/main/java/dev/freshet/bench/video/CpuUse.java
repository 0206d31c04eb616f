package dev.freshet.bench.video;

/**
 * CPU seconds the server and the generator used during the measured window, read at its two ends.
 *
 * @param serverSeconds    the server process, all threads
 * @param generatorSeconds this process: cameras, uploads, viewers
 * @param windowSeconds    the window's length
 */
record CpuUse(double serverSeconds, double generatorSeconds, double windowSeconds) {

    /** Sleeps until the window starts, reads both processes, sleeps until it ends, reads again. */
    static CpuUse across(Window window, ProcessCpu server, ProcessCpu generator) throws InterruptedException {
        VideoLoadGenerator.sleepUntil(window.startNanos());
        double server0 = server.seconds();
        double generator0 = generator.seconds();
        long start = System.nanoTime();
        VideoLoadGenerator.sleepUntil(window.endNanos());
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new CpuUse(server.seconds() - server0, generator.seconds() - generator0, elapsed);
    }

    /** Cores the server kept busy on average. */
    double serverCores() {
        return serverSeconds / windowSeconds;
    }

    double generatorCores() {
        return generatorSeconds / windowSeconds;
    }
}
