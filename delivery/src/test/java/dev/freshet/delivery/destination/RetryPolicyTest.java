package dev.freshet.delivery.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesFromOneSecondWithJitterUpToTheCap() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayMillis(1, true)).isBetween(850L, 1150L);
            assertThat(policy.delayMillis(3, true)).isBetween(3400L, 4600L);
            assertThat(policy.delayMillis(40, true)).isBetween(51_000L, 69_000L);
            assertThat(policy.delayMillis(1_000_000, true)).isBetween(51_000L, 69_000L);
        }
    }

    @Test
    void nonRetryableFailuresWaitTheSlowDelay() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(30));
        assertThat(policy.delayMillis(1, false)).isBetween(25_500L, 34_500L);
    }
}
