package dev.freshet.delivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.destination.DestinationContext;
import dev.freshet.delivery.destination.DestinationFactory;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.process.RecordProcessor;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.s3.S3Destinations;

/**
 * Builds a {@link Pipeline} from a spec: the destination from the registry by kind, the
 * processors from the ProcessingConfiguration through the factory (which decides what a disabled
 * or absent configuration means: the built-in one still de-aggregates KPL records of Kinesis
 * sources), the error output and the source backup from the S3 settings.
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
        JsonNode processing = spec.destinationConfiguration().get("ProcessingConfiguration");
        RecordProcessor processor = processors.create(processing == null || processing.isNull() ? null : processing,
            spec.source() instanceof DeliverySource.KinesisStream);
        var errorOutput = S3Destinations.errorOutput(spec, context);
        var backup = S3Destinations.sourceBackup(spec, context);
        return new Pipeline(spec, BufferingHints.of(spec.destinationConfiguration()), processor,
            factory.create(spec, context), errorOutput, backup);
    }
}
