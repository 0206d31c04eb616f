package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesFromOneSecondAndStopsAtTwoMinutes() {
        RetryBackoff backoff = new RetryBackoff(fixed(0.5));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next().toMillis());
        }
        assertThat(waits).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 120_000L,
            120_000L, 120_000L, 120_000L, 120_000L);
    }

    @Test
    void jitterIsFifteenPercentEitherWay() {
        assertThat(new RetryBackoff(fixed(0.0)).next()).isEqualTo(Duration.ofMillis(850));
        assertThat(new RetryBackoff(fixed(0.999_999)).next().toMillis()).isBetween(1_149L, 1_150L);
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
