package dev.freshet.bench.firehose;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An S3-compatible server (s3proxy in the benchmark) that Freshet was started against: the
 * generator creates the bucket, lists it with ListObjectsV2 every 20 ms and reads each new object
 * with GetObject. Visible = listed (and read).
 *
 * <p>Listings start after a cursor so they stay short: the greatest key seen more than
 * {@link #SETTLED} ago (Firehose's keys sort by the second they were made in, so a key listed
 * before it is not expected any more); every {@link #FULL_EVERY}th listing starts from the
 * beginning, so an object that does land before the cursor is still found (late, not missing).
 *
 * <p>Objects s3proxy is still writing ({@link #WRITING}) are skipped.
 *
 * <p>{@link #watch} on one thread; {@link #close} from any.
 */
final class S3Probe extends PollingProbe {

    private static final long SETTLED = 5_000_000;
    private static final int FULL_EVERY = 100;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /**
     * s3proxy's filesystem store writes an object to {@code <key>-<uuid>} and renames it when
     * complete, listing the temporary name meanwhile; Firehose's keys end in one UUID (and an extension).
     */
    private static final Pattern WRITING = Pattern.compile(".*-" + UUID + "[.a-z]*-" + UUID);

    private final S3Client s3;
    private final String bucket;
    private final int recordBytes;
    private final Set<String> read = new HashSet<>();
    /** Keys read, in the order (and with the time, micros) they were first listed. */
    private final Deque<Listed> listed = new ArrayDeque<>();
    private String cursor;
    private int listings;

    S3Probe(DeliveryLoadGenerator.Options options) {
        super(Duration.ofMillis(20));
        if (options.s3Endpoint() == null || options.s3AccessKeyId() == null || options.s3SecretAccessKey() == null) {
            throw new IllegalArgumentException(
                "--destination s3 needs --s3-endpoint, --s3-access-key-id and --s3-secret-access-key");
        }
        this.s3 = S3Client.builder().endpointOverride(URI.create(options.s3Endpoint())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(options.s3AccessKeyId(), options.s3SecretAccessKey())))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
        this.bucket = "bench-" + options.label();
        this.recordBytes = options.recordBytes();
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Override
    public void configure(CreateDeliveryStreamRequest.Builder request, DeliveryLoadGenerator.Options options) {
        DestinationProbes.extendedS3(request, bucket, options);
    }

    @Override
    void poll(DeliveredRecords delivered) {
        String startAfter = listings++ % FULL_EVERY == 0 ? null : cursor;
        String token = null;
        do {
            String page = token;
            ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(bucket).startAfter(startAfter)
                .continuationToken(page));
            for (S3Object object : listing.contents()) {
                if (!read.contains(object.key()) && !beingWritten(object.key())) {
                    long visible = Clock.nowMicros();
                    byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
                    read.add(object.key());
                    delivered.object(DestinationProbes.content(object.key(), stored), recordBytes, visible);
                    listed.add(new Listed(visible, object.key()));
                }
            }
            token = listing.nextContinuationToken();
        } while (token != null);
        advanceCursor();
    }

    /** A name s3proxy lists while it writes the object (see {@link #WRITING}). */
    static boolean beingWritten(String key) {
        return WRITING.matcher(key).matches();
    }

    private void advanceCursor() {
        long settled = Clock.nowMicros() - SETTLED;
        while (!listed.isEmpty() && listed.peekFirst().micros() < settled) {
            String key = listed.pollFirst().key();
            if (cursor == null || key.compareTo(cursor) > 0) {
                cursor = key;
            }
        }
    }

    @Override
    public String visibility() {
        return "object listed by ListObjectsV2 (polled every 20 ms)";
    }

    private record Listed(long micros, String key) {
    }
}
