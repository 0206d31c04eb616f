package dev.freshet.signaling.whip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilenceWatchTest {

    @Test
    void silentOnlyOnceTheCountStoodStillPastTheLimit() {
        SilenceWatch watch = new SilenceWatch(1_000, 0);

        assertThat(watch.silent(0, 1_000)).as("nothing yet, but within the limit").isFalse();
        assertThat(watch.silent(0, 1_001)).isTrue();
        assertThat(watch.silent(5, 1_500)).as("progress").isFalse();
        assertThat(watch.silent(5, 2_500)).isFalse();
        assertThat(watch.silent(5, 2_501)).isTrue();
    }
}
