package dev.freshet.delivery.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.convert.ConversionConfiguration;
import dev.freshet.delivery.convert.FormatConversion;
import dev.freshet.delivery.destination.DestinationContext;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.destination.ErrorOutput;
import java.util.Optional;

/**
 * Wires the S3 kinds: the destinations (EXTENDED_S3, S3), the error output of any destination
 * with S3 settings, and Extended S3's source-record backup (S3BackupMode Enabled).
 *
 * <p>Thread-safe (stateless).
 */
public final class S3Destinations {

    private S3Destinations() {
    }

    /** Registers EXTENDED_S3 and S3. */
    public static DestinationRegistry register(DestinationRegistry registry) {
        registry.register(DestinationKind.EXTENDED_S3, (spec, context) -> new ExtendedS3Destination(
            ConversionConfiguration.from(spec.destinationConfiguration())
                .map(conversion -> convertingWriter(spec, conversion, context))
                .orElseGet(() -> destinationWriter(spec, context))));
        registry.register(DestinationKind.S3, (spec, context) -> new ExtendedS3Destination(
            destinationWriter(spec, context)));
        return registry;
    }

    /**
     * The error output: the S3 destinations' own bucket and ErrorOutputPrefix; other kinds' {@code S3Configuration}.
     * Empty when the configuration has neither.
     */
    public static Optional<ErrorOutput> errorOutput(DeliveryStreamSpec spec, DestinationContext context) {
        return s3Settings(spec).map(settings -> new S3ErrorOutput(writer(spec, S3Target.from(settings), context)));
    }

    /**
     * The writer of source records (before processing) when the configuration backs them all up:
     * Extended S3 and Redshift with S3BackupMode {@code Enabled} into S3BackupConfiguration, the
     * HTTP endpoint with {@code AllData} and OpenSearch/Elasticsearch with {@code AllDocuments}
     * into S3Configuration. Failed-only modes need no backup writer: failures go to the error output.
     */
    public static Optional<S3ObjectWriter> sourceBackup(DeliveryStreamSpec spec, DestinationContext context) {
        JsonNode configuration = spec.destinationConfiguration();
        String mode = S3Target.text(configuration, "S3BackupMode");
        JsonNode backup = switch (spec.destinationKind()) {
            case EXTENDED_S3, REDSHIFT -> "Enabled".equals(mode) ? configuration.get("S3BackupConfiguration") : null;
            case HTTP_ENDPOINT -> "AllData".equals(mode) ? configuration.get("S3Configuration") : null;
            case ELASTICSEARCH, AMAZON_OPENSEARCH_SERVICE ->
                "AllDocuments".equals(mode) ? configuration.get("S3Configuration") : null;
            case S3 -> null;
        };
        if (backup == null || !backup.isObject()) {
            return Optional.empty();
        }
        return Optional.of(writer(spec, S3Target.fromBackup(backup), context));
    }

    private static Optional<JsonNode> s3Settings(DeliveryStreamSpec spec) {
        JsonNode configuration = spec.destinationConfiguration();
        if (spec.destinationKind() == DestinationKind.EXTENDED_S3 || spec.destinationKind() == DestinationKind.S3) {
            return Optional.of(configuration);
        }
        return Optional.ofNullable(configuration.get("S3Configuration")).filter(JsonNode::isObject);
    }

    /**
     * A writer of one Parquet file per object, named {@code .parquet} unless FileExtension says
     * otherwise (the catalog has made CompressionFormat UNCOMPRESSED: the Parquet codec compresses).
     */
    private static S3ObjectWriter convertingWriter(DeliveryStreamSpec spec, FormatConversion conversion,
            DestinationContext context) {
        S3Target target = S3Target.from(spec.destinationConfiguration());
        if (target.extension().isEmpty()) {
            target = target.withExtension(FormatConversion.EXTENSION);
        }
        ObjectFormat format = (records, entryName) -> {
            FormatConversion.Converted converted = conversion.convert(records, context.clock());
            return new ObjectFormat.Encoded(converted.body(), converted.failed());
        };
        return new S3ObjectWriter(target, spec.ref(),
            new ObjectPutter(context.objectStore(), context.retry(), context.health()), context.clock(), format,
            partitions(context));
    }

    /** The destination's writer: its batches may open at most the stream's limit of active partitions. */
    private static S3ObjectWriter destinationWriter(DeliveryStreamSpec spec, DestinationContext context) {
        S3Target target = S3Target.from(spec.destinationConfiguration());
        return new S3ObjectWriter(target, spec.ref(),
            new ObjectPutter(context.objectStore(), context.retry(), context.health()), context.clock(),
            ObjectFormat.concatenated(target), partitions(context));
    }

    private static ActivePartitions partitions(DestinationContext context) {
        return new ActivePartitions(context.activePartitionsLimit(), context.metrics());
    }

    /** A writer of error envelopes or backed-up source records (prefixes without partition keys). */
    private static S3ObjectWriter writer(DeliveryStreamSpec spec, S3Target target, DestinationContext context) {
        return new S3ObjectWriter(target, spec.ref(),
            new ObjectPutter(context.objectStore(), context.retry(), context.health()), context.clock());
    }
}
