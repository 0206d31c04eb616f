package dev.freshet.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.delivery.testing.S3ProxyFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** S3ObjectStore against s3proxy on loopback with SigV4 on. */
class S3ObjectStoreTest {

    private static final String BUCKET = "delivered";
    private static S3ProxyFixture s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyFixture.inMemory();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static S3StoreSettings settings() {
        return S3StoreSettings.of(s3.endpoint(), S3ProxyFixture.REGION, S3ProxyFixture.IDENTITY,
            S3ProxyFixture.CREDENTIAL);
    }

    @Test
    void smallObjectGoesUpInOnePutAndReadsBackIdentical() throws Exception {
        byte[] content = randomBytes(70_000);
        try (S3ObjectStore store = new S3ObjectStore(settings())) {
            store.put(BUCKET, "2026/11/26/04/stream-1-2026-11-26-04-00-00-abc", content);
        }
        assertThat(s3.get(BUCKET, "2026/11/26/04/stream-1-2026-11-26-04-00-00-abc")).isEqualTo(content);
    }

    @Test
    void emptyObjectIsStored() throws Exception {
        try (S3ObjectStore store = new S3ObjectStore(settings())) {
            store.put(BUCKET, "empty", new byte[0]);
        }
        assertThat(s3.get(BUCKET, "empty")).isEmpty();
    }

    @Test
    void bigObjectGoesUpAsMultipartAndLeavesNoUploadBehind() throws Exception {
        int part = S3StoreSettings.MIN_PART_SIZE;
        byte[] content = randomBytes(2 * part + 12_345);
        try (S3ObjectStore store = new S3ObjectStore(settings().withMultipart(part, part))) {
            store.put(BUCKET, "big/object", content);
        }
        assertThat(s3.get(BUCKET, "big/object")).isEqualTo(content);
        try (S3Client client = s3.client()) {
            assertThat(client.headObject(b -> b.bucket(BUCKET).key("big/object")).eTag())
                .as("a multipart ETag ends in -<parts>").endsWith("-3\"");
            assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
        }
    }

    @Test
    void theFilesystemStoreKeepsObjectsAsFiles(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(1_000);
        try (S3ProxyFixture disk = S3ProxyFixture.onDisk(dir)) {
            disk.createBucket("files");
            S3StoreSettings settings = S3StoreSettings.of(disk.endpoint(), S3ProxyFixture.REGION,
                S3ProxyFixture.IDENTITY, S3ProxyFixture.CREDENTIAL);
            try (S3ObjectStore store = new S3ObjectStore(settings)) {
                store.put("files", "2026/11/26/object", content);
            }
            assertThat(disk.get("files", "2026/11/26/object")).isEqualTo(content);
        }
        assertThat(dir.resolve("files/2026/11/26/object")).hasBinaryContent(content);
    }

    @Test
    void missingBucketIsNoSuchBucketAndNotRetryable() {
        try (S3ObjectStore store = new S3ObjectStore(settings())) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put("no-such-bucket", "k", new byte[] {1}));
            assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void missingBucketFailsMultipartToo() {
        int part = S3StoreSettings.MIN_PART_SIZE;
        try (S3ObjectStore store = new S3ObjectStore(settings().withMultipart(part, part))) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put("no-such-bucket", "k", new byte[part + 1]));
            assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void wrongSecretIsRefusedAndNotRetryable() {
        assertRefused(S3ProxyFixture.IDENTITY, "not-the-secret", "SignatureDoesNotMatch", "AccessDenied");
    }

    @Test
    void unknownAccessKeyIsRefusedAndNotRetryable() {
        assertRefused("AKIDUNKNOWN", S3ProxyFixture.CREDENTIAL, "InvalidAccessKeyId", "AccessDenied");
    }

    private static void assertRefused(String accessKeyId, String secret, String... codes) {
        S3StoreSettings wrong = S3StoreSettings.of(s3.endpoint(), S3ProxyFixture.REGION, accessKeyId, secret);
        try (S3ObjectStore store = new S3ObjectStore(wrong)) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put(BUCKET, "k", new byte[] {1}));
            assertThat(e.errorCode()).isIn((Object[]) codes);
            assertThat(e.retryable()).isFalse();
        }
    }

    @Test
    void endpointDownIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        S3StoreSettings down = S3StoreSettings.of(URI.create("http://127.0.0.1:" + closedPort), S3ProxyFixture.REGION,
            S3ProxyFixture.IDENTITY, S3ProxyFixture.CREDENTIAL);
        try (S3ObjectStore store = new S3ObjectStore(down)) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class,
                () -> store.put(BUCKET, "k", new byte[] {1}));
            assertThat(e.errorCode()).isEqualTo("IOException");
            assertThat(e.retryable()).isTrue();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
