package dev.freshet.delivery.catalog;

import static dev.freshet.delivery.catalog.StreamLifecycleTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.freshet.delivery.DeliveryErrorType;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ControlCallRatesTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);

    @Test
    void fiveCallsPerSecondPerOperationThenLimitExceeded() {
        ControlCallRates rates = new ControlCallRates(true, () -> Instant.ofEpochMilli(millis.get()), "000000000000");
        for (int i = 0; i < 5; i++) {
            rates.admit("DescribeDeliveryStream");
        }
        assertRefused(() -> rates.admit("DescribeDeliveryStream"), DeliveryErrorType.LIMIT_EXCEEDED,
            "Rate exceeded for DescribeDeliveryStream under account 000000000000.");
        assertThatCode(() -> rates.admit("ListDeliveryStreams")).doesNotThrowAnyException();
        assertThatCode(() -> rates.admit("PutRecordBatch")).doesNotThrowAnyException();
        millis.addAndGet(1000);
        assertThatCode(() -> rates.admit("DescribeDeliveryStream")).doesNotThrowAnyException();
    }

    @Test
    void withoutLimitsModeEverythingIsAdmitted() {
        ControlCallRates rates = new ControlCallRates(false, () -> Instant.ofEpochMilli(millis.get()), "000000000000");
        for (int i = 0; i < 50; i++) {
            rates.admit("CreateDeliveryStream");
        }
    }
}
