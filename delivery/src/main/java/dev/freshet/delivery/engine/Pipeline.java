package dev.freshet.delivery.engine;

import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.destination.Destination;
import dev.freshet.delivery.destination.ErrorOutput;
import dev.freshet.delivery.process.RecordProcessor;
import dev.freshet.delivery.s3.S3ObjectWriter;
import java.util.Optional;

/**
 * A delivery stream's parts at one configuration version, built before the version is switched
 * to (so a configuration that cannot run is refused by {@code run}).
 *
 * @param errorOutput absent when the configuration names no S3 location for failures
 * @param sourceBackup Extended S3's S3BackupMode Enabled: where source records go before processing
 */
record Pipeline(DeliveryStreamSpec spec, BufferingHints hints, RecordProcessor processor, Destination destination,
        Optional<ErrorOutput> errorOutput, Optional<S3ObjectWriter> sourceBackup) {

    long versionId() {
        return spec.ref().versionId();
    }

    void close() {
        destination.close();
    }
}
