package dev.freshet.delivery.destination;

import dev.freshet.delivery.DestinationKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The destination factories by kind. The engine registers the S3 kinds; other modules' parts
 * (HTTP endpoint, PostgreSQL, OpenSearch) register theirs when the server is assembled.
 *
 * <p>Thread-safe.
 */
public final class DestinationRegistry {

    private final Map<DestinationKind, DestinationFactory> factories = new EnumMap<>(DestinationKind.class);

    public synchronized DestinationRegistry register(DestinationKind kind, DestinationFactory factory) {
        factories.put(kind, factory);
        return this;
    }

    public synchronized Optional<DestinationFactory> find(DestinationKind kind) {
        return Optional.ofNullable(factories.get(kind));
    }
}
