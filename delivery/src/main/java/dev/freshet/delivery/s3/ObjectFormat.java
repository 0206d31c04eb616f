package dev.freshet.delivery.s3;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.util.List;

/**
 * Turns the records of one object into its body. The plain format concatenates them and applies
 * the CompressionFormat; record format conversion writes one Parquet file and may leave records
 * out, which then go to the error output.
 *
 * <p>Implementations are called from one delivery thread.
 */
@FunctionalInterface
public interface ObjectFormat {

    /**
     * @param entryName the file name inside a ZIP object
     */
    Encoded encode(List<DeliveryRecord> records, String entryName);

    /**
     * @param body the object's content, or null when there is nothing to store
     * @param failed records left out of the body, with their error-output envelopes
     */
    record Encoded(byte[] body, List<FailedRecord> failed) {
        public Encoded {
            failed = List.copyOf(failed);
        }
    }

    /** Records concatenated without a delimiter, compressed as the target says. */
    static ObjectFormat concatenated(S3Target target) {
        return (records, entryName) -> {
            List<byte[]> parts = new java.util.ArrayList<>(records.size());
            for (DeliveryRecord record : records) {
                parts.add(record.data());
            }
            return new Encoded(ObjectBody.encode(parts, target.compression(), entryName), List.of());
        };
    }
}
