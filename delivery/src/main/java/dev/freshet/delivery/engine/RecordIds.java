package dev.freshet.delivery.engine;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Record ids of DirectPut records: {@code <incarnation, 16 hex><buffer-log sequence, 20 digits>},
 * opaque to clients like the service's RecordIds, stable across redeliveries (derived from the
 * record's position in the buffer log) and unique across re-creations of a stream with the same
 * name (the incarnation is random per creation and kept in the checkpoint).
 *
 * <p>Thread-safe (stateless).
 */
final class RecordIds {

    private RecordIds() {
    }

    static String newIncarnation() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    static String of(String incarnation, long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder id = new StringBuilder(36).append(incarnation);
        for (int i = digits.length(); i < 20; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
