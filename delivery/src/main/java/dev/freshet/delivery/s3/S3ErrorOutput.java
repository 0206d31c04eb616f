package dev.freshet.delivery.s3;

import dev.freshet.delivery.destination.ErrorOutput;
import dev.freshet.delivery.destination.FailedRecord;
import java.util.List;

/**
 * The error output of a destination with S3 settings: envelopes under the ErrorOutputPrefix of
 * the S3 destination itself, or of another destination's S3Configuration.
 *
 * <p>Not thread-safe: one delivery thread uses it.
 */
public final class S3ErrorOutput implements ErrorOutput {

    private final S3ObjectWriter writer;

    public S3ErrorOutput(S3ObjectWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(List<FailedRecord> failed) throws InterruptedException {
        if (!failed.isEmpty()) {
            writer.writeErrors(failed);
        }
    }
}
