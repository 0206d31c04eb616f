package dev.freshet.fragments.video;

import java.security.SecureRandom;

/**
 * Fresh random identifiers: internal stream ids (the fragment store's stream ids, unique per
 * incarnation of a name) and stream versions ({@code [a-zA-Z0-9]{20}}, the model allows 1..64).
 *
 * <p>Thread-safe.
 */
public final class VideoIds {

    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VideoIds() {
    }

    /** {@code kvs-} and 20 lower-case letters and digits: safe as a folder name. */
    static String streamId() {
        return "kvs-" + random(LOWER, 20);
    }

    /** A fresh version; signaling channels use the same shape. */
    public static String version() {
        return random(MIXED, 20);
    }

    private static String random(char[] alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[RANDOM.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
