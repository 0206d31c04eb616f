package dev.freshet.bench.video;

import dev.freshet.bench.OptionPairs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.freshet.bench.OptionPairs.number;

/**
 * Command line of the {@link VideoLoadGenerator}: {@code --name value} pairs.
 *
 * @param sample       Matroska file the cameras replay (H.264 with CodecPrivate, GOPs cut by keyframes)
 * @param streams      concurrent PutMedia streams, one camera each
 * @param seconds      measured duration, after {@code warmup} unmeasured seconds
 * @param viewers      LL-HLS viewers, each on a different stream
 * @param serveSeconds duration of the segment-serving test after ingest; 0 skips it
 * @param serveClients concurrent clients of the segment-serving test
 * @param serverPid    the server's process id, for its CPU time (it must run on this machine)
 * @param clockTicks   {@code getconf CLK_TCK}, the unit of {@code /proc/PID/stat} CPU times
 * @param spreadMillis the cameras' first keyframes are spread over this long
 * @param label        free text copied into the report
 */
record VideoOptions(URI endpoint, Path sample, int streams, int seconds, int warmup, int viewers, int serveSeconds,
                    int serveClients, long serverPid, int clockTicks, int spreadMillis, String label) {

    private static final Set<String> NAMES = Set.of("endpoint", "sample", "streams", "seconds", "warmup", "viewers",
        "serve-seconds", "serve-clients", "server-pid", "clock-ticks", "spread-ms", "label");

    static final String USAGE = """
        usage: VideoLoadGenerator --endpoint http://127.0.0.1:PORT --sample FILE.mkv --server-pid PID [options]
          --streams N          concurrent PutMedia streams (default 200)
          --seconds N          measured seconds (default 60); --warmup N unmeasured seconds first (default 15)
          --viewers N          LL-HLS viewers, one per stream, at most --streams (default 5)
          --serve-seconds N    segment-serving test after ingest; 0 skips it (default 20)
          --serve-clients N    its concurrent clients (default 8)
          --server-pid PID     the server's process, for its CPU time (required)
          --clock-ticks N      getconf CLK_TCK (default 100)
          --spread-ms N        the cameras' first keyframes spread over N ms (default 1000)
          --label TEXT         copied into the report""";

    static VideoOptions parse(String[] args) {
        Map<String, String> v = OptionPairs.parse(args, 0, NAMES, USAGE);
        if (!v.containsKey("endpoint") || !v.containsKey("sample") || !v.containsKey("server-pid")) {
            throw new IllegalArgumentException("--endpoint, --sample and --server-pid are required\n" + USAGE);
        }
        VideoOptions options = new VideoOptions(URI.create(v.get("endpoint")), Path.of(v.get("sample")),
            number(v, "streams", 200), number(v, "seconds", 60), number(v, "warmup", 15), number(v, "viewers", 5),
            number(v, "serve-seconds", 20), number(v, "serve-clients", 8), number(v, "server-pid", 0),
            number(v, "clock-ticks", 100), number(v, "spread-ms", 1000), v.getOrDefault("label", ""));
        options.check();
        return options;
    }

    private void check() {
        if (streams < 1 || seconds < 1 || warmup < 0 || viewers < 0 || viewers > streams || serveSeconds < 0
            || serveClients < 1 || serverPid < 1 || clockTicks < 1 || spreadMillis < 0) {
            throw new IllegalArgumentException("counts and durations must be positive, viewers at most streams\n"
                + USAGE);
        }
    }
}
