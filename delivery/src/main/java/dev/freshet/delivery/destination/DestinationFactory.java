package dev.freshet.delivery.destination;

import dev.freshet.delivery.DeliveryStreamSpec;

/**
 * Builds the destination of one delivery stream at one configuration version. One factory per
 * {@link dev.freshet.delivery.DestinationKind}, registered in the engine's {@link DestinationRegistry}.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface DestinationFactory {

    /**
     * @throws dev.freshet.delivery.DeliveryException INVALID_ARGUMENT when the configuration
     *     cannot be run
     */
    Destination create(DeliveryStreamSpec spec, DestinationContext context);
}
