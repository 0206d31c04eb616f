package dev.freshet.fragments.dash;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.SessionTokens;
import dev.freshet.fragments.store.TimestampKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashTokensTest {

    static final long START = 1_800_000_000_000L;

    private final SealedTokens key = new SealedTokens(SealedTokens.newKey());
    private final DashTokens tokens = new DashTokens(key);
    private final DashSession session = new DashSession("cam-id", "camera", HlsSession.Mode.LIVE_REPLAY,
        TimestampKind.PRODUCER, START - 60_000, Long.MAX_VALUE, true, false, 5, START, START + 300_000);

    @Test
    void aTokenOpensToItsSessionUntilItExpires() {
        String token = tokens.issue(session);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.open(token, START)).contains(session);
        assertThat(tokens.open(token, session.expiresMillis() - 1)).contains(session);
        assertThat(tokens.open(token, session.expiresMillis())).isEmpty();
    }

    @Test
    void damagedTokensAndOtherKeysDoNotOpen() {
        String token = tokens.issue(session);
        char last = token.charAt(token.length() - 1);

        assertThat(tokens.open(token.substring(1), START)).isEmpty();
        assertThat(tokens.open(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), START)).isEmpty();
        assertThat(new DashTokens(new SealedTokens(SealedTokens.newKey())).open(token, START)).isEmpty();
        assertThat(tokens.open(null, START)).isEmpty();
    }

    @Test
    void hlsAndDashTokensOfOneKeyDoNotOpenAsEachOther() {
        SessionTokens hls = new SessionTokens(key);
        String hlsToken = hls.issue(new HlsSession("cam-id", "camera", HlsSession.Mode.LIVE,
            HlsSession.Container.FRAGMENTED_MP4, TimestampKind.PRODUCER, Long.MIN_VALUE, Long.MAX_VALUE,
            HlsSession.Discontinuity.NEVER, false, 5, START, START + 300_000));

        assertThat(tokens.open(hlsToken, START)).isEmpty();
        assertThat(hls.open(tokens.issue(session), START)).isEmpty();
    }

    @Test
    void defaultManifestSizesFollowTheService() {
        assertThat(DashSession.defaultMaxFragments(HlsSession.Mode.LIVE)).isEqualTo(5);
        assertThat(DashSession.defaultMaxFragments(HlsSession.Mode.LIVE_REPLAY)).isEqualTo(5);
        assertThat(DashSession.defaultMaxFragments(HlsSession.Mode.ON_DEMAND)).isEqualTo(1000);
    }

    @Property(tries = 500)
    void anyStringOpensToNothing(@ForAll String token) {
        assertThat(tokens.open(token, START)).isEmpty();
    }

    @Property(tries = 500)
    void anyUrlSafeTextOpensToNothing(@ForAll("urlSafe") String token) {
        assertThat(tokens.open(token, START)).isEmpty();
    }

    /** Text of the token alphabet, of token-like lengths, so that it gets past the base64 decoding. */
    @Provide
    Arbitrary<String> urlSafe() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
            .withChars('-', '_').ofMinLength(0).ofMaxLength(200);
    }
}
