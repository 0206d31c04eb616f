package dev.freshet.delivery.destination;

import java.util.List;

/**
 * What became of one batch: every record not listed in {@link #failed()} was confirmed by the
 * destination.
 *
 * @param failed records given up on after the retry time, each with its error-output envelope
 */
public record DeliveryResult(List<FailedRecord> failed) {

    public DeliveryResult {
        failed = List.copyOf(failed);
    }

    public static DeliveryResult delivered() {
        return new DeliveryResult(List.of());
    }

    public boolean allDelivered() {
        return failed.isEmpty();
    }
}
