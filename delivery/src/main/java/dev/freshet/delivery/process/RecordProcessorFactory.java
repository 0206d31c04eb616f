package dev.freshet.delivery.process;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds the processor chain of a delivery stream when the engine runs a configuration version:
 * from the destination's {@code ProcessingConfiguration} (null when it has none) and whether the
 * stream reads a Kinesis data stream (KPL de-aggregation happens then, processing enabled or
 * not). The server passes {@link #of(ProcessingSettings)}; tests may pass {@link #IDENTITY}.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface RecordProcessorFactory {

    /** Records pass through unchanged. */
    RecordProcessor PASS_THROUGH = (stream, records) -> ProcessingResult.unchanged(records);

    /** A factory that never processes (whatever the configuration says). */
    RecordProcessorFactory IDENTITY = (configuration, kinesisSource) -> PASS_THROUGH;

    /**
     * @param processingConfiguration the {@code ProcessingConfiguration} member, or null
     * @throws dev.freshet.delivery.DeliveryException INVALID_ARGUMENT when it cannot be run
     */
    RecordProcessor create(JsonNode processingConfiguration, boolean kinesisSource);

    /** The built-in processors ({@link Processors}), checked as the service checks them. */
    static RecordProcessorFactory of(ProcessingSettings settings) {
        return (configuration, kinesisSource) -> Processors.build(configuration, kinesisSource, settings);
    }
}
