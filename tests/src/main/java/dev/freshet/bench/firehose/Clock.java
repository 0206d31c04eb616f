package dev.freshet.bench.firehose;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock microseconds: generator and watcher run on one machine, so stamps compare directly. */
final class Clock {

    private Clock() {
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
