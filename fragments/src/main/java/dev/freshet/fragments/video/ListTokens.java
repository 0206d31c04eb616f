package dev.freshet.fragments.video;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListStreams' {@code NextToken}: the name the page ended at, as base64 ({@code [a-zA-Z0-9+/=]},
 * which the model's NextToken pattern allows) of {@code "s1:" + name}. Names are public already,
 * so the token need not be sealed; it only has to be recognised. A stream created or deleted
 * between pages does not disturb the walk: the next page starts after the name, whatever exists.
 *
 * <p>Stateless and thread-safe.
 */
final class ListTokens {

    private static final String PREFIX = "s1:";

    private ListTokens() {
    }

    static String issue(String lastName) {
        return Base64.getEncoder().encodeToString((PREFIX + lastName).getBytes(StandardCharsets.UTF_8));
    }

    /** The name the page ended at; InvalidArgumentException for a token this class did not issue. */
    static String open(String token) {
        String text;
        try {
            text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()) {
            throw invalid();
        }
        return text.substring(PREFIX.length());
    }

    private static VideoException invalid() {
        return VideoErrorType.INVALID_ARGUMENT.exception("The NextToken is not valid.");
    }
}
