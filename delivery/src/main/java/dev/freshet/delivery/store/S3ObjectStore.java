package dev.freshet.delivery.store;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An {@link ObjectStore} over an S3-compatible endpoint, through the AWS SDK's S3 client (SigV4,
 * static credentials, endpoint override, optional path-style addressing).
 *
 * <p>Objects smaller than the multipart threshold go up in one PutObject; bigger ones as a
 * multipart upload of {@code partSize} parts, which is aborted when any step fails so no orphaned
 * parts are left behind to be billed or to fill the disk. The object is visible under its key only
 * once PutObject or CompleteMultipartUpload succeeded, never half-written.
 *
 * <p>The SDK's own short retry (a few attempts with backoff) absorbs blips per request, so one bad
 * part does not restart the whole upload; what still fails is reported as an
 * {@link ObjectStoreException} classified by {@link S3Failures}, and the caller's retry loop (the
 * destination's RetryDurationInSeconds or S3's 24 hours) takes over. Checksums are sent only where
 * S3 requires them: S3-compatible stores differ in their support for the newer trailing checksums.
 *
 * <p>An interrupted put fails as a retryable {@code IOException} with the thread's interrupt flag
 * set, so a stopping stream notices.
 *
 * <p>Thread-safe (the S3 client is).
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3StoreSettings settings;
    private final S3Client client;

    public S3ObjectStore(S3StoreSettings settings) {
        this.settings = settings;
        this.client = S3Client.builder()
            .endpointOverride(settings.endpoint())
            .region(Region.of(settings.region()))
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofMinutes(2))
                .build())
            .build();
    }

    @Override
    public void put(String bucket, String key, byte[] content) throws ObjectStoreException {
        try {
            if (content.length >= settings.multipartThreshold()) {
                putMultipart(bucket, key, content);
            } else {
                client.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE),
                    slice(content, 0, content.length));
            }
        } catch (SdkException e) {
            if (e instanceof AbortedException) {
                // the SDK turns an interrupt into this and may clear the flag; the stopping stream needs to see it
                Thread.currentThread().interrupt();
            }
            throw S3Failures.map(e, bucket, key);
        }
    }

    private void putMultipart(String bucket, String key, byte[] content) {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE))
            .uploadId();
        try {
            List<CompletedPart> parts = uploadParts(bucket, key, uploadId, content);
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (RuntimeException e) {
            abort(bucket, key, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String bucket, String key, String uploadId, byte[] content) {
        List<CompletedPart> parts = new ArrayList<>();
        int partSize = settings.partSize();
        for (int offset = 0, number = 1; offset < content.length; offset += partSize, number++) {
            int length = Math.min(partSize, content.length - offset);
            int partNumber = number;
            String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                .contentLength((long) length), slice(content, offset, length)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        return parts;
    }

    private void abort(String bucket, String key, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // the store's lifecycle rules (or a later abort) must clean up; the original failure is what matters
            LOG.warn("could not abort multipart upload {} of {}/{} after {}: {}", uploadId, bucket, key,
                cause.getMessage(), e.getMessage());
        }
    }

    /** A body over part of the array, without copying it; every (re)try reads it afresh. */
    private static RequestBody slice(byte[] content, int offset, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, offset, length), length,
            CONTENT_TYPE);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + settings + "]";
    }
}
