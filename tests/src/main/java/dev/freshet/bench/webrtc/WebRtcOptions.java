package dev.freshet.bench.webrtc;

import dev.freshet.bench.OptionPairs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.freshet.bench.OptionPairs.number;

/**
 * Command line of the {@link WebRtcLoadGenerator}: {@code --name value} pairs.
 *
 * @param endpoint     the server's HTTP endpoint (WHIP, WHEP, Kinesis Video, /metrics)
 * @param clip         H.264 Annex B file the publishers replay (one slice per picture, IDR first)
 * @param fps          the clip's frame rate: publishers send one access unit per 1/fps s
 * @param publishers   concurrent WHIP publishers, one stream each
 * @param seconds      measured duration, after {@code warmup} unmeasured seconds
 * @param viewers      WHEP viewers, each on a different publisher
 * @param serverPid    the server's process id, for its CPU time (it must run on this machine)
 * @param clockTicks   {@code getconf CLK_TCK}, the unit of {@code /proc/PID/stat} CPU times
 * @param spreadMillis publishers connect one after another over this long
 * @param label        free text copied into the report
 */
record WebRtcOptions(URI endpoint, Path clip, int fps, int publishers, int seconds, int warmup, int viewers,
                     long serverPid, int clockTicks, int spreadMillis, String label) {

    private static final Set<String> NAMES = Set.of("endpoint", "clip", "fps", "publishers", "seconds", "warmup",
        "viewers", "server-pid", "clock-ticks", "spread-ms", "label");

    static final String USAGE = """
        usage: WebRtcLoadGenerator --endpoint http://127.0.0.1:PORT --clip FILE.h264 --server-pid PID [options]
          --fps N              the clip's frame rate (default 30)
          --publishers N       concurrent WHIP publishers (default 100)
          --seconds N          measured seconds (default 60); --warmup N unmeasured seconds first (default 10)
          --viewers N          WHEP viewers, one per publisher, at most --publishers (default 5)
          --server-pid PID     the server's process, for its CPU time (required)
          --clock-ticks N      getconf CLK_TCK (default 100)
          --spread-ms N        publishers connect one after another over N ms (default 10000)
          --label TEXT         copied into the report""";

    static WebRtcOptions parse(String[] args) {
        Map<String, String> v = OptionPairs.parse(args, 0, NAMES, USAGE);
        if (!v.containsKey("endpoint") || !v.containsKey("clip") || !v.containsKey("server-pid")) {
            throw new IllegalArgumentException("--endpoint, --clip and --server-pid are required\n" + USAGE);
        }
        WebRtcOptions options = new WebRtcOptions(URI.create(v.get("endpoint")), Path.of(v.get("clip")),
            number(v, "fps", 30), number(v, "publishers", 100), number(v, "seconds", 60), number(v, "warmup", 10),
            number(v, "viewers", 5), number(v, "server-pid", 0), number(v, "clock-ticks", 100),
            number(v, "spread-ms", 10_000), v.getOrDefault("label", ""));
        options.check();
        return options;
    }

    private void check() {
        if (fps < 1 || publishers < 1 || seconds < 1 || warmup < 0 || viewers < 0 || viewers > publishers
            || serverPid < 1 || clockTicks < 1 || spreadMillis < 0) {
            throw new IllegalArgumentException("counts and durations must be positive, viewers at most publishers\n"
                + USAGE);
        }
    }
}
