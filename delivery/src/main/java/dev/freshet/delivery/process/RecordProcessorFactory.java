package dev.freshet.delivery.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;

/**
 * Builds the processor chain of a destination's ProcessingConfiguration. The engine calls it only
 * when processing is enabled; otherwise records pass unchanged ({@link #IDENTITY}).
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface RecordProcessorFactory {

    /** Records pass through unchanged. */
    RecordProcessor IDENTITY = (stream, records) -> ProcessingResult.unchanged(records);

    /** A factory that supports no processors: enabled processing is refused. */
    RecordProcessorFactory NONE = configuration -> {
        throw DeliveryException.invalidArgument("Record processing is not supported yet.");
    };

    /**
     * @param processingConfiguration the {@code ProcessingConfiguration} member ({@code Enabled},
     *     {@code Processors}), enabled
     * @throws DeliveryException INVALID_ARGUMENT when it cannot be run
     */
    RecordProcessor create(ObjectNode processingConfiguration);
}
