package dev.freshet.fragments.hls;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.datastreams.tokens.TokenCodec;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Session tokens for playback URLs: fields packed by {@link TokenCodec}, sealed with AES-GCM under
 * the video service's key for one purpose (a token of another purpose does not open), in URL-safe
 * base64 without padding so a token goes into a query string as it is.
 *
 * <pre>
 *   base64url( SealedTokens.seal(TokenCodec.pack(fields..), purpose) )
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class SealedUrlTokens {

    private final SealedTokens tokens;
    private final byte purpose;

    public SealedUrlTokens(SealedTokens tokens, byte purpose) {
        this.tokens = tokens;
        this.purpose = purpose;
    }

    /** The token of these fields (each a String or a Long). */
    public String issue(Object... fields) {
        return urlSafe(tokens.seal(TokenCodec.pack(fields), purpose));
    }

    /** The fields, or empty when the token is absent, damaged, forged, of another purpose or another shape. */
    public Optional<List<Object>> open(String token, int expectedFields) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return tokens.open(standard(token), purpose).flatMap(raw -> TokenCodec.unpack(raw, expectedFields));
    }

    private static String urlSafe(String base64) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(base64));
    }

    private static String standard(String urlSafe) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(urlSafe));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
