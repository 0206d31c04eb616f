package dev.freshet.datastreams.kinesis.internal;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.datastreams.tokens.TokenCodec;

import dev.freshet.datastreams.kinesis.KinesisErrorType;

import java.util.List;

/**
 * NextToken values of the paged listings: sealed (see {@link SealedTokens}) records of where the
 * page ended, which listing and stream they belong to, and when they were issued. They expire
 * after 300 seconds, as the service's do.
 *
 * <p>Thread-safe.
 */
public final class PageTokens {

    public static final long TTL_MILLIS = 300_000;
    private static final byte PURPOSE = 'P';

    /** Where a page ended. */
    public record Cursor(String listing, String scope, String after, long issuedMillis, long extra) {
    }

    private final SealedTokens tokens;

    public PageTokens(SealedTokens tokens) {
        this.tokens = tokens;
    }

    public String issue(String listing, String scope, String after, long nowMillis, long extra) {
        return tokens.seal(TokenCodec.pack(listing, scope, after, nowMillis, extra), PURPOSE);
    }

    /** Opens a token of {@code listing}: InvalidArgumentException if forged, ExpiredNextTokenException if old. */
    public Cursor open(String token, String listing, long nowMillis) {
        List<Object> fields = tokens.open(token, PURPOSE).flatMap(raw -> TokenCodec.unpack(raw, 5))
            .orElseThrow(() -> KinesisErrorType.INVALID_ARGUMENT.exception("Invalid NextToken."));
        Cursor cursor = new Cursor((String) fields.get(0), (String) fields.get(1), (String) fields.get(2),
            (Long) fields.get(3), (Long) fields.get(4));
        if (!cursor.listing().equals(listing)) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Invalid NextToken.");
        }
        if (nowMillis - cursor.issuedMillis() > TTL_MILLIS) {
            throw KinesisErrorType.EXPIRED_NEXT_TOKEN.exception("The NextToken has expired. NextToken expires after 300 seconds.");
        }
        return cursor;
    }
}
