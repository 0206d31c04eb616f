package dev.freshet.delivery.convert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.destination.FailedRecord;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the records of one S3 object: each JSON record becomes a row, the rows become one
 * Parquet file; a record that cannot be converted is left out and comes back as a
 * {@code format-conversion-failed} failure with the service's envelope:
 * <pre>
 * {"attemptsMade":1,"arrivalTimestamp":…,"ErrorCode":"DataFormatConversion.MalformedData",
 *  "ErrorMessage":"…","attemptEndingTimestamp":…,"rawData":"&lt;base64&gt;",
 *  "sequenceNumber":"…","subSequenceNumber":0,
 *  "dataCatalogTable":{"catalogId":…,"databaseName":…,"tableName":…,"region":…,"versionId":…,"catalogArn":null}}
 * </pre>
 * (sequenceNumber/subSequenceNumber only for records read from a Kinesis data stream).
 *
 * <p>Thread-safe (immutable).
 */
public final class FormatConversion {

    /** The error-output folder and {@code !{firehose:error-output-type}} of records that fail conversion. */
    public static final String ERROR_OUTPUT_TYPE = "format-conversion-failed";
    static final String ERROR_CODE = "DataFormatConversion.MalformedData";
    /** Objects of converted records are named with this extension unless FileExtension says otherwise. */
    public static final String EXTENSION = ".parquet";

    private final JsonRows rows;
    private final ParquetFile file;
    private final ObjectNode catalogTable;

    FormatConversion(JsonRows rows, ParquetFile file, ObjectNode catalogTable) {
        this.rows = rows;
        this.file = file;
        this.catalogTable = catalogTable;
    }

    /**
     * The object's body (null when no record converted) and the records that failed.
     *
     * @param clock for the envelopes' attemptEndingTimestamp
     */
    public Converted convert(List<DeliveryRecord> records, InstantSource clock) {
        List<Object[]> converted = new ArrayList<>(records.size());
        List<FailedRecord> failed = new ArrayList<>();
        for (DeliveryRecord record : records) {
            try {
                converted.add(rows.convert(record.data()));
            } catch (ConversionException e) {
                failed.add(new FailedRecord(record, ERROR_OUTPUT_TYPE,
                    ConversionEnvelope.of(record, ERROR_CODE, e.getMessage(), clock.millis(), catalogTable)));
            }
        }
        return new Converted(converted.isEmpty() ? null : file.write(converted), failed);
    }

    /**
     * @param body one Parquet file, or null when every record failed (no object is written then)
     * @param failed the records left out, with their envelopes
     */
    public record Converted(byte[] body, List<FailedRecord> failed) {
    }
}
