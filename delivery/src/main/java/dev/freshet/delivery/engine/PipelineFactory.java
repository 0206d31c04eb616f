package dev.freshet.delivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.destination.DestinationContext;
import dev.freshet.delivery.destination.DestinationFactory;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.process.RecordProcessor;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;

/**
 * Builds a {@link Pipeline} from a spec: the destination from the registry by kind, the
 * processors from the ProcessingConfiguration (identity when absent or disabled), the error output
 * and the source backup from the S3 settings.
 *
 * <p>Thread-safe.
 */
final class PipelineFactory {

    private final DestinationRegistry destinations;
    private final RecordProcessorFactory processors;

    PipelineFactory(DestinationRegistry destinations, RecordProcessorFactory processors) {
        this.destinations = destinations;
        this.processors = processors;
    }

    Pipeline create(DeliveryStreamSpec spec, DestinationContext context) {
        DestinationFactory factory = destinations.find(spec.destinationKind()).orElseThrow(() ->
            DeliveryException.invalidArgument("The " + spec.destinationKind().configurationMember()
                .replace("Configuration", "") + " destination is not supported yet."));
        RecordProcessor processor = processor(spec.destinationConfiguration().get("ProcessingConfiguration"));
        var errorOutput = S3Destinations.errorOutput(spec, context);
        var backup = S3Destinations.sourceBackup(spec, context);
        return new Pipeline(spec, BufferingHints.of(spec.destinationConfiguration()), processor,
            factory.create(spec, context), errorOutput, backup);
    }

    private RecordProcessor processor(JsonNode processing) {
        if (processing == null || !processing.isObject() || !enabled(processing)) {
            return RecordProcessorFactory.IDENTITY;
        }
        return processors.create((ObjectNode) processing);
    }

    /** Enabled as given; when absent, processing is on if processors are listed. */
    private static boolean enabled(JsonNode processing) {
        JsonNode enabled = processing.get("Enabled");
        if (enabled != null && !enabled.isNull()) {
            return enabled.asBoolean(false);
        }
        return processing.path("Processors").size() > 0;
    }
}
