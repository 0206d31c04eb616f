package dev.freshet.delivery.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for tests: s3proxy, in this JVM, on a free 127.0.0.1 port, with SigV4
 * (and V2) authentication on, over an in-memory store or a directory. s3proxy 4 carries its own
 * shaded Jetty and no jclouds, so it shares the test classpath without clashes (measured: up in
 * well under a second). Its logging follows the test's logback configuration (keep it at WARN).
 *
 * <p>Use from delivery's tests and, through the test-jar, from the black-box tests in tests/.
 * Thread-safe; close it to stop the server.
 */
public final class S3ProxyFixture implements AutoCloseable {

    public static final String IDENTITY = "AKIDFRESHETTEST";
    public static final String CREDENTIAL = "freshet-test-secret";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyFixture(BlobStore store) throws Exception {
        proxy = S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .build();
        proxy.start();
        awaitStarted();
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Objects kept in memory, gone on close. */
    public static S3ProxyFixture inMemory() throws Exception {
        return new S3ProxyFixture(new TransientNio2BlobStore());
    }

    /** Buckets are folders of {@code dir}, objects files in them. */
    public static S3ProxyFixture onDisk(Path dir) throws Exception {
        return new S3ProxyFixture(new FilesystemNio2BlobStore(dir.toString()));
    }

    private void awaitStarted() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5); // s3proxy offers no start signal but its state
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client with the right credentials, to create buckets and read back what was stored. */
    public S3Client client() {
        return S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.of(REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }

    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    public byte[] get(String bucket, String key) {
        try (S3Client client = client()) {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
