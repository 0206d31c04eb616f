package dev.freshet.delivery.catalog;

import static dev.freshet.delivery.catalog.StreamLifecycleTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.DeliveryErrorType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits mode's Direct PUT quota: requests, records and bytes per second per delivery stream. */
class PutThrottleTest {

    private static final int MIB = 1024 * 1024;
    private final AtomicLong millis = new AtomicLong(1_000_000);

    @TempDir
    Path dir;

    private PutThrottle throttle(PutQuota quota) {
        return new PutThrottle(true, quota, () -> Instant.ofEpochMilli(millis.get()));
    }

    @Test
    void callsPastTheRequestRateAreRefusedAsAWholeUntilTheBucketRefills() {
        PutThrottle throttle = throttle(new PutQuota(3, 1_000, MIB));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("s", records(2, 10))).isEqualTo(2);
        }
        assertRefused(() -> throttle.admit("s", records(1, 10)), DeliveryErrorType.SERVICE_UNAVAILABLE, "Slow down.");
        assertThat(throttle.admit("other", records(1, 10))).as("each stream has its own quota").isEqualTo(1);
        millis.addAndGet(334);
        assertThat(throttle.admit("s", records(1, 10))).as("a third of a second refills one call").isEqualTo(1);
        assertRefused(() -> throttle.admit("s", records(1, 10)), DeliveryErrorType.SERVICE_UNAVAILABLE, "Slow down.");
    }

    @Test
    void recordsPastTheRecordRateAreRefusedFromTheFirstThatDoesNotFit() {
        PutThrottle throttle = throttle(new PutQuota(100, 500, MIB));
        assertThat(throttle.admit("s", records(300, 1))).isEqualTo(300);
        assertThat(throttle.admit("s", records(300, 1))).isEqualTo(200);
        assertThat(throttle.admit("s", records(10, 1))).isZero();
        millis.addAndGet(100);
        assertThat(throttle.admit("s", records(100, 1))).as("a tenth of a second refills 50 records").isEqualTo(50);
    }

    @Test
    void recordsPastTheByteRateAreRefusedAndOneRecordOfTheMaximumSizeAlwaysFitsAFullBucket() {
        PutThrottle throttle = throttle(new PutQuota(100, 1_000, MIB));
        List<byte[]> big = records(4, RecordIntake.MAX_RECORD_BYTES);
        assertThat(throttle.admit("s", big)).isEqualTo(1);
        assertThat(throttle.admit("s", records(1, 30_000))).as("24 KiB left").isZero();
        assertThat(throttle.admit("s", records(1, 20_000))).isEqualTo(1);
        millis.addAndGet(1_000);
        assertThat(throttle.admit("s", big)).isEqualTo(1);
    }

    @Test
    void withoutLimitsModeEverythingIsAdmitted() {
        PutThrottle throttle = new PutThrottle(false, new PutQuota(1, 1, RecordIntake.MAX_RECORD_BYTES),
            () -> Instant.ofEpochMilli(millis.get()));
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit("s", records(500, 8_000))).isEqualTo(500);
        }
    }

    @Test
    void aQuotaBelowOneMaximumRecordPerSecondIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PutQuota(1, 1, 1_000))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIntakeAnswersThrottledRecordsAsTheServiceDoesAndCountsThem() {
        CatalogFixture fixture = new CatalogFixture(dir, new PutQuota(2, 3, MIB));
        fixture.createActive("q");
        PutResult partly = fixture.streams.records().putRecordBatch("q", records(5, 4));
        assertThat(partly.failedPutCount()).isEqualTo(2);
        assertThat(partly.entries()).extracting(PutResult.Entry::recordId).containsExactly("id-1", "id-2", "id-3", null, null);
        assertThat(partly.entries().subList(3, 5)).allSatisfy(entry -> {
            assertThat(entry.errorCode()).isEqualTo("ServiceUnavailableException");
            assertThat(entry.errorMessage()).isEqualTo("Slow down.");
        });
        assertThat(fixture.engine.put).as("only the admitted records reach the buffer").hasSize(3);

        assertRefused(() -> fixture.streams.records().putRecord("q", new byte[1]), DeliveryErrorType.SERVICE_UNAVAILABLE,
            "Slow down.");
        assertRefused(() -> fixture.streams.records().putRecordBatch("q", records(4, 1)),
            DeliveryErrorType.SERVICE_UNAVAILABLE, "Slow down.");
        assertThat(fixture.throttledRecords).containsEntry("q", 2 + 1 + 4);

        assertRefused(() -> fixture.streams.records().putRecord("absent", new byte[1]),
            DeliveryErrorType.RESOURCE_NOT_FOUND, "not found");
        assertRefused(() -> fixture.streams.records().putRecordBatch("q", records(501, 1)),
            DeliveryErrorType.INVALID_ARGUMENT, "1 to 500");
    }

    private static List<byte[]> records(int count, int size) {
        return new ArrayList<>(Collections.nCopies(count, new byte[size]));
    }
}
