package dev.freshet.web.firehose;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryStreamSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands where the delivery engine goes until it is wired into the service assembly: the control
 * plane works, but no record is accepted — PutRecord answers ServiceUnavailableException and
 * PutRecordBatch fails every record with it, saying why. Nothing pretends delivery happens.
 *
 * <p>Thread-safe.
 */
final class UnwiredDeliveryEngine implements DeliveryEngine {

    private static final Logger LOG = LoggerFactory.getLogger(UnwiredDeliveryEngine.class);
    static final String MESSAGE = "This Freshet build has no delivery engine wired: delivery streams can be managed "
        + "but records are not accepted.";

    UnwiredDeliveryEngine() {
        LOG.warn(MESSAGE);
    }

    @Override
    public void run(DeliveryStreamSpec spec) {
    }

    @Override
    public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records) {
        return CompletableFuture.failedFuture(new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE, MESSAGE));
    }

    @Override
    public void delete(String deliveryStreamName) {
    }

    @Override
    public void close() {
    }
}
