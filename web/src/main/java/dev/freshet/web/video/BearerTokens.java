package dev.freshet.web.video;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Bearer tokens (RFC 6750) WHIP and WHEP require, by stream ({@code webrtc-tokens}): a stream's
 * own token, else the {@code *} token, else none (open). A request for a stream with a token must
 * carry {@code Authorization: Bearer <token>}; refusals are counted. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so the time taken says nothing about the token, not
 * even its length.
 *
 * <p>Immutable but for the refusal count; thread-safe.
 */
final class BearerTokens {

    private static final String WILDCARD = "*";
    private static final String SCHEME = "bearer ";

    private final Map<String, byte[]> digests = new HashMap<>();
    private final LongAdder refused = new LongAdder();

    /** @param tokens token by stream name, {@code *} for every other stream */
    BearerTokens(Map<String, String> tokens) {
        tokens.forEach((stream, token) -> digests.put(stream, digest(token)));
    }

    /** Whether {@code authorization} (the header, null when absent) lets a request at {@code stream} in. */
    boolean allows(String stream, String authorization) {
        byte[] expected = digests.getOrDefault(stream, digests.get(WILDCARD));
        if (expected == null) {
            return true;
        }
        boolean ok = authorization != null && authorization.length() > SCHEME.length()
            && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
            && MessageDigest.isEqual(expected, digest(authorization.substring(SCHEME.length()).strip()));
        if (!ok) {
            refused.increment();
        }
        return ok;
    }

    /** Requests refused for a missing or wrong token since start. */
    long refused() {
        return refused.sum();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
