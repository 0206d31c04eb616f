package dev.freshet.bench;

/** What a {@link LoadGenerator} run measures. */
enum Mode {
    /** PutRecords throughput from many threads. */
    PUT("put"),
    /** Put→readable latency with one GetRecords poller per shard. */
    GET_TAIL("get-tail"),
    /** Put→readable latency with one SubscribeToShard subscription per shard (enhanced fan-out). */
    SUBSCRIBE("subscribe");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    static Mode of(String word) {
        for (Mode mode : values()) {
            if (mode.word.equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + word + "' (put, get-tail, subscribe)");
    }
}
