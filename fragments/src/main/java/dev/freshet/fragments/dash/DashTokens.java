package dev.freshet.fragments.dash;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.SealedUrlTokens;
import dev.freshet.fragments.store.TimestampKind;

import java.util.List;
import java.util.Optional;

/**
 * DASH session tokens: a {@link DashSession} sealed for DASH ({@link SealedUrlTokens}, its own purpose
 * byte, so an HLS token never opens as a DASH one nor the reverse), URL-safe, so a URL can neither
 * be read, forged nor extended, and stops working when the session expires.
 *
 * <p>Thread-safe.
 */
public final class DashTokens {

    private static final byte PURPOSE = 'D';
    private static final int FIELDS = 11;

    private final SealedUrlTokens tokens;

    public DashTokens(SealedTokens tokens) {
        this.tokens = new SealedUrlTokens(tokens, PURPOSE);
    }

    public String issue(DashSession session) {
        return tokens.issue(session.streamId(), session.streamName(), session.mode().name(), session.kind().name(),
            session.startMillis(), session.endMillis(), session.displayFragmentTimestamp() ? 1L : 0L,
            session.displayFragmentNumber() ? 1L : 0L, (long) session.maxFragments(), session.issuedMillis(),
            session.expiresMillis());
    }

    /** The session, or empty when the token is absent, damaged, forged, not DASH's or expired at {@code nowMillis}. */
    public Optional<DashSession> open(String token, long nowMillis) {
        return tokens.open(token, FIELDS).map(DashTokens::session)
            .filter(session -> session.expiresMillis() > nowMillis);
    }

    private static DashSession session(List<Object> f) {
        return new DashSession((String) f.get(0), (String) f.get(1), HlsSession.Mode.valueOf((String) f.get(2)),
            TimestampKind.valueOf((String) f.get(3)), (Long) f.get(4), (Long) f.get(5), (Long) f.get(6) == 1L,
            (Long) f.get(7) == 1L, ((Long) f.get(8)).intValue(), (Long) f.get(9), (Long) f.get(10));
    }
}
