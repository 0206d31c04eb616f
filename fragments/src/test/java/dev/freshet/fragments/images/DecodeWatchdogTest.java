package dev.freshet.fragments.images;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeWatchdogTest {

    @Test
    void workThatFinishesIsWaitedFor() {
        DecodeWatchdog watchdog = new DecodeWatchdog(Duration.ofMillis(200));
        AtomicReference<String> done = new AtomicReference<>();
        assertThat(watchdog.run(() -> done.set(watchdog.step(() -> "decoded")), "test-worker")).isTrue();
        assertThat(done).hasValue("decoded");
    }

    @Test
    void aStepThatNeverReturnsIsEnded() throws InterruptedException {
        DecodeWatchdog watchdog = new DecodeWatchdog(Duration.ofMillis(100));
        AtomicReference<Thread> worker = new AtomicReference<>();
        long start = System.nanoTime();
        boolean finished = watchdog.run(() -> watchdog.step(() -> spinForever(worker)), "test-spinner");
        assertThat(finished).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        worker.get().join(2000);
        // Thread.stop works up to Java 19; later versions leave the thread to its loop
        assertThat(worker.get().isAlive()).isEqualTo(Runtime.version().feature() >= 20);
    }

    @Test
    void slowWorkBetweenStepsIsNotTimed() {
        DecodeWatchdog watchdog = new DecodeWatchdog(Duration.ofMillis(50));
        assertThat(watchdog.run(() -> sleep(300), "test-sleeper")).isTrue();
    }

    private static Object spinForever(AtomicReference<Thread> worker) {
        worker.set(Thread.currentThread());
        long counter = 0;
        while (counter >= 0) {
            counter = (counter + 1) & Long.MAX_VALUE;
        }
        return counter;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
