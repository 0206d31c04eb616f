package dev.freshet.bench;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import static dev.freshet.bench.OptionPairs.number;

/**
 * Command line of the {@link LoadGenerator}: a mode, then {@code --name value} pairs.
 *
 * @param threads      put: client threads, each with its own connection, calling PutRecords back to back
 * @param seconds      measured duration, after {@code warmup} seconds that are not counted
 * @param batch        records per PutRecords call (default 500 for put, 10 for the latency modes)
 * @param rate         latency modes: records per second the producer sends
 * @param pollMillis   get-tail: at least this long between a GetRecords answer and the next call
 * @param label        free text copied into the report, e.g. {@code freshet-cbor}
 */
record Options(Mode mode, URI endpoint, boolean cbor, int threads, int seconds, int warmup, int shards,
               int recordBytes, int batch, int rate, String stream, int pollMillis, String label) {

    private static final Set<String> NAMES = Set.of("endpoint", "cbor", "threads", "seconds", "warmup", "shards",
        "record-bytes", "batch", "rate", "stream", "poll-interval-ms", "label");

    static final String USAGE = """
        usage: LoadGenerator put|get-tail|subscribe --endpoint http://127.0.0.1:PORT [options]
          --cbor true|false       encoding of the SDK's requests (default true, the SDK's own default)
          --threads N             put: concurrent PutRecords callers (default 8)
          --seconds N             measured seconds (default 30); --warmup N unmeasured seconds first (default 5)
          --shards N              shards of the stream when it is created (default 4)
          --record-bytes N        payload bytes per record, at least 16 (default 1024)
          --batch N               records per PutRecords call (default 500 for put, 10 otherwise)
          --rate N                latency modes: records/s sent (default 1000)
          --stream NAME           stream to use, created if missing (default bench-<mode>)
          --poll-interval-ms N    get-tail: idle time between GetRecords calls, as the KCL's (default 10)
          --label TEXT            copied into the report""";

    static Options parse(String[] args) {
        if (args.length == 0 || args.length % 2 == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Mode mode = Mode.of(args[0]);
        Map<String, String> values = OptionPairs.parse(args, 1, NAMES, USAGE);
        if (!values.containsKey("endpoint")) {
            throw new IllegalArgumentException("--endpoint is required\n" + USAGE);
        }
        return fromValues(mode, values);
    }

    private static Options fromValues(Mode mode, Map<String, String> v) {
        Options options = new Options(mode, URI.create(v.get("endpoint")),
            Boolean.parseBoolean(v.getOrDefault("cbor", "true")),
            number(v, "threads", 8), number(v, "seconds", 30), number(v, "warmup", 5), number(v, "shards", 4),
            number(v, "record-bytes", 1024), number(v, "batch", mode == Mode.PUT ? 500 : 10),
            number(v, "rate", 1000), v.getOrDefault("stream", "bench-" + mode.word()),
            number(v, "poll-interval-ms", 10), v.getOrDefault("label", ""));
        options.check();
        return options;
    }

    private void check() {
        if (recordBytes < Payload.HEADER_BYTES) {
            throw new IllegalArgumentException("--record-bytes must be at least " + Payload.HEADER_BYTES);
        }
        if (batch < 1 || batch > 500) {
            throw new IllegalArgumentException("--batch must be 1..500 (the PutRecords limit)");
        }
        if (threads < 1 || seconds < 1 || warmup < 0 || shards < 1 || rate < 1 || pollMillis < 0) {
            throw new IllegalArgumentException("counts and durations must be positive");
        }
    }
}
