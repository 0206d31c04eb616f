package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Decompression ({@code CompressionFormat} GZIP, the only format of the service): CloudWatch
 * Logs subscriptions deliver gzip-compressed records. A record that is not valid gzip, or that
 * would inflate past {@link #MAX_DECOMPRESSED_BYTES}, goes as it came to the error output under
 * {@code decompression-failed}, as the service files it; the other records go on.
 *
 * <p>Immutable; thread-safe.
 */
public final class DecompressionProcessor extends RecordByRecordProcessor {

    /** A bound on one record's inflated size, so a small malicious record cannot exhaust memory. */
    public static final int MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024;

    static final String DECOMPRESSION_ERROR = "Decompression.InvalidGzip";

    public DecompressionProcessor(Clock clock) {
        super(clock);
    }

    static DecompressionProcessor from(ProcessorParameters parameters, Clock clock) {
        parameters.acceptOnly(Set.of("CompressionFormat"));
        parameters.oneOf("CompressionFormat", Set.of("GZIP"), "GZIP");
        return new DecompressionProcessor(clock);
    }

    @Override
    protected List<DeliveryRecord> processRecord(DeliveryRecord record) throws RecordProcessingException {
        return List.of(record.withData(gunzip(record.data())));
    }

    /** Inflates all gzip members of {@code data}. */
    static byte[] gunzip(byte[] data) throws RecordProcessingException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 4));
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + n > MAX_DECOMPRESSED_BYTES) {
                    throw new RecordProcessingException(DECOMPRESSION_ERROR,
                        "The record inflates to more than " + MAX_DECOMPRESSED_BYTES + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RecordProcessingException(DECOMPRESSION_ERROR, "The record is not valid GZIP: " + e.getMessage());
        }
    }

    @Override
    protected String errorOutputType() {
        return ProcessingFailures.DECOMPRESSION_FAILED;
    }

    @Override
    protected String defaultErrorCode() {
        return DECOMPRESSION_ERROR;
    }
}
