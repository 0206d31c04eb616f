package dev.freshet.datastreams.kinesis.internal;

import java.security.SecureRandom;

/** Fresh stream ids in the service's StreamId shape, {@code [a-z0-9]{20}-[a-z0-9]{3}}. Thread-safe. */
public final class StreamIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder(24);
        for (int i = 0; i < 23; i++) {
            if (i == 20) {
                id.append('-');
            }
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
