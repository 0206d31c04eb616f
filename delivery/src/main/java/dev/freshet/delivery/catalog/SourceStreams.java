package dev.freshet.delivery.catalog;

import java.util.Optional;

/**
 * The Freshet data streams a KinesisStreamAsSource delivery stream may read: the catalog asks
 * whether the stream an ARN names exists. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SourceStreams {

    /** The name of the data stream {@code streamArn} names, or empty when there is none. */
    Optional<String> streamName(String streamArn);
}
