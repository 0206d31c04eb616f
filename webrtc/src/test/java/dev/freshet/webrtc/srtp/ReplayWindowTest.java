package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void acceptsEachIndexOnceInsideTheWindowAndNothingOlder() {
        ReplayWindow window = new ReplayWindow(64);
        window.accept(1000);
        window.accept(990);

        assertThat(window.isReplay(1000)).isTrue();
        assertThat(window.isReplay(990)).isTrue();
        assertThat(window.isReplay(995)).isFalse();
        assertThat(window.isReplay(1000 - 63)).isFalse();
        assertThat(window.isReplay(1000 - 64)).isTrue();
        assertThat(window.isReplay(1001)).isFalse();
    }

    @Test
    void slidingForwardForgetsBitsThatLeftTheWindow() {
        ReplayWindow window = new ReplayWindow(64);
        for (long i = 0; i < 64; i++) {
            window.accept(i);
        }
        window.accept(100); // 64..99 reuse the slots of 0..35, which must read as not received

        assertThat(window.isReplay(99)).isFalse();
        assertThat(window.isReplay(64)).isFalse();
        assertThat(window.isReplay(63)).isTrue();
        assertThat(window.isReplay(37)).isTrue();
        assertThat(window.isReplay(36)).isTrue();
    }

    @Test
    void aLongJumpClearsEverything() {
        ReplayWindow window = new ReplayWindow(128);
        window.accept(5);
        window.accept(5 + 128 * 1000);

        assertThat(window.isReplay(5 + 128 * 1000 - 1)).isFalse();
    }
}
