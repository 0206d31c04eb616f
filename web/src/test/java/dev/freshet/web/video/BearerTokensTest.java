package dev.freshet.web.video;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTest {

    @Test
    void aStreamsOwnTokenBeatsTheWildcardAndRefusalsAreCounted() {
        BearerTokens tokens = new BearerTokens(Map.of("cam1", "one", "*", "any"));

        assertThat(tokens.allows("cam1", "Bearer one")).isTrue();
        assertThat(tokens.allows("cam1", "bearer  one ")).as("scheme in any case, spaces around").isTrue();
        assertThat(tokens.allows("cam1", "Bearer any")).as("the wildcard is not cam1's").isFalse();
        assertThat(tokens.allows("cam2", "Bearer any")).isTrue();
        assertThat(tokens.allows("cam2", null)).isFalse();
        assertThat(tokens.allows("cam2", "Basic YW55")).isFalse();
        assertThat(tokens.allows("cam2", "Bearer ")).isFalse();
        assertThat(tokens.refused()).isEqualTo(4);
    }

    @Test
    void withoutTokensEverythingIsOpen() {
        BearerTokens tokens = new BearerTokens(Map.of("cam1", "one"));

        assertThat(tokens.allows("cam2", null)).isTrue();
        assertThat(new BearerTokens(Map.of()).allows("cam1", null)).isTrue();
        assertThat(tokens.refused()).isZero();
    }
}
