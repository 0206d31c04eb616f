package dev.freshet.delivery.catalog;

/**
 * The Direct PUT throughput quota of one delivery stream, PutRecord and PutRecordBatch together
 * (the service's PutRequestsPerSecondLimit, RecordsPerSecondLimit and BytesPerSecondLimit). It
 * applies only in limits mode; the service raises it on request, and smaller Regions have smaller
 * defaults, hence a setting.
 *
 * @param requestsPerSecond calls per second (default 2,000)
 * @param recordsPerSecond records per second (default 500,000)
 * @param bytesPerSecond payload bytes per second (default 5 MiB); at least one record's maximum
 *     (1,000 KiB), so every valid record can pass
 */
public record PutQuota(int requestsPerSecond, int recordsPerSecond, long bytesPerSecond) {

    /** The service's default in its big Regions (us-east-1, us-west-2, eu-west-1). */
    public static final PutQuota DEFAULT = new PutQuota(2_000, 500_000, 5L * 1024 * 1024);

    public PutQuota {
        if (requestsPerSecond < 1 || recordsPerSecond < 1 || bytesPerSecond < RecordIntake.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a Direct PUT quota needs at least 1 request and 1 record per second and "
                + RecordIntake.MAX_RECORD_BYTES + " bytes per second");
        }
    }
}
