package dev.freshet.web.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SegmentCacheTest {

    private static SegmentCache.Key key(long sequence) {
        return new SegmentCache.Key("kvs-1", "segment", sequence, 0);
    }

    @Test
    void servesWhatItMadeAndEvictsTheLeastRecentlyUsedBeyondItsBudget() {
        SegmentCache cache = new SegmentCache(100);
        AtomicInteger made = new AtomicInteger();
        for (long i = 0; i < 5; i++) {
            cache.get(key(i), () -> {
                made.incrementAndGet();
                return new byte[20];
            });
        }
        cache.get(key(0), () -> new byte[0]);
        cache.get(key(5), () -> new byte[20]);

        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(100);
        assertThat(cache.get(key(0), () -> new byte[1])).hasSize(20);
        assertThat(cache.get(key(1), () -> new byte[1])).hasSize(1);
        assertThat(made).hasValue(5);
    }

    @Test
    void concurrentRequestsForOneEntryMakeItOnce() throws Exception {
        SegmentCache cache = new SegmentCache(1 << 20);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable);
            synchronized (threads) {
                threads.add(thread);
            }
            return thread;
        });
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get(key(7), () -> {
                    made.incrementAndGet();
                    await(release);
                    return new byte[] {7};
                })));
            }
            // every request is parked: one making the entry, seven waiting for it
            awaitCondition(() -> {
                synchronized (threads) {
                    return threads.size() == 8 && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.TIMED_WAITING);
                }
            });
            release.countDown();
            for (Future<byte[]> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).containsExactly(7);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aFailureIsNotCachedAndReachesEveryWaiter() {
        SegmentCache cache = new SegmentCache(1 << 20);

        assertThatThrownBy(() -> cache.get(key(1), () -> {
            throw new IllegalStateException("gone");
        })).hasMessage("gone");
        assertThat(cache.get(key(1), () -> new byte[] {1})).containsExactly(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
