package dev.freshet.delivery.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * When a buffer is flushed: once it holds {@code sizeBytes} (measured before compression) or its
 * first record waited {@code intervalMillis}, whichever comes first. An interval of 0 flushes as
 * soon as records are there.
 *
 * @param sizeBytes SizeInMBs in bytes (MiB, as the service counts)
 * @param intervalMillis IntervalInSeconds in milliseconds
 */
record BufferingHints(long sizeBytes, long intervalMillis) {

    static final BufferingHints SERVICE_DEFAULT = new BufferingHints(5L << 20, 300_000);

    /**
     * The destination's {@code BufferingHints}, or its S3Configuration's (Redshift stages through S3),
     * else the service's defaults (5 MB, 300 s) for what is not given.
     */
    static BufferingHints of(JsonNode destinationConfiguration) {
        JsonNode hints = destinationConfiguration.path("BufferingHints");
        if (hints.isMissingNode()) {
            hints = destinationConfiguration.path("S3Configuration").path("BufferingHints");
        }
        long sizeMb = hints.path("SizeInMBs").asLong(5);
        long intervalSeconds = hints.path("IntervalInSeconds").asLong(300);
        return new BufferingHints(Math.max(1, sizeMb) << 20, Math.max(0, intervalSeconds) * 1000);
    }
}
