package dev.freshet.fragments.hls;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.store.TimestampKind;

import java.util.List;
import java.util.Optional;

/**
 * HLS session tokens: an {@link HlsSession} sealed for HLS ({@link SealedUrlTokens}), so a URL can
 * neither be read, forged nor extended, and stops working when the session expires.
 *
 * <p>Thread-safe.
 */
public final class SessionTokens {

    private static final byte PURPOSE = 'H';
    private static final int FIELDS = 12;

    private final SealedUrlTokens tokens;

    public SessionTokens(SealedTokens tokens) {
        this.tokens = new SealedUrlTokens(tokens, PURPOSE);
    }

    public String issue(HlsSession session) {
        return tokens.issue(session.streamId(), session.streamName(), session.mode().name(), session.container().name(),
            session.kind().name(), session.startMillis(), session.endMillis(), session.discontinuity().name(),
            session.displayTimestamp() ? 1L : 0L, (long) session.maxFragments(), session.issuedMillis(),
            session.expiresMillis());
    }

    /** The session, or empty when the token is damaged, forged or expired at {@code nowMillis}. */
    public Optional<HlsSession> open(String token, long nowMillis) {
        return tokens.open(token, FIELDS).map(SessionTokens::session)
            .filter(session -> session.expiresMillis() > nowMillis);
    }

    private static HlsSession session(List<Object> f) {
        return new HlsSession((String) f.get(0), (String) f.get(1), HlsSession.Mode.valueOf((String) f.get(2)),
            HlsSession.Container.valueOf((String) f.get(3)), TimestampKind.valueOf((String) f.get(4)),
            (Long) f.get(5), (Long) f.get(6), HlsSession.Discontinuity.valueOf((String) f.get(7)),
            (Long) f.get(8) == 1L, ((Long) f.get(9)).intValue(), (Long) f.get(10), (Long) f.get(11));
    }
}
