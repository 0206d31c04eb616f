package dev.freshet.bench.firehose;

import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Picks and prepares the generator's {@link DestinationProbe} from {@code --destination}.
 *
 * <p>Stateless.
 */
final class DestinationProbes {

    /** The role every destination names (Freshet accepts any). */
    static final String ROLE = "arn:aws:iam::000000000000:role/bench";

    private DestinationProbes() {
    }

    static DestinationProbe open(DeliveryLoadGenerator.Options options) throws Exception {
        return switch (options.destination()) {
            case "local" -> new LocalDirectoryProbe(options);
            case "s3" -> new S3Probe(options);
            case "postgres" -> new PostgresProbe(options);
            case "opensearch" -> new OpenSearchProbe(options);
            default -> throw new IllegalArgumentException("unknown destination " + options.destination()
                + " (local, s3, postgres or opensearch)");
        };
    }

    static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    /** An ExtendedS3 destination into {@code bucket} with the run's compression and buffering. */
    static void extendedS3(CreateDeliveryStreamRequest.Builder request, String bucket,
            DeliveryLoadGenerator.Options options) {
        request.extendedS3DestinationConfiguration(s3 -> s3.bucketARN(bucketArn(bucket)).roleARN(ROLE)
            .compressionFormat(options.compression())
            .bufferingHints(h -> h.sizeInMBs(options.sizeMb()).intervalInSeconds(options.interval())));
    }

    /** A delivered object's records: gunzipped when its name says GZIP ({@code .gz}). */
    static byte[] content(String name, byte[] stored) {
        if (!name.endsWith(".gz")) {
            return stored;
        }
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return gunzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gunzip " + name, e);
        }
    }
}
