package dev.freshet.tests.harness;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Builds the official AWS SDK v2 clients against a Freshet endpoint: static credentials, us-east-1,
 * {@code endpointOverride}, and an explicitly chosen HTTP client (several are on the classpath).
 *
 * <p>CBOR versus JSON: the SDK reads {@code aws.cborEnabled} (env {@code CBOR_ENABLED}) when a client is
 * built — {@code DefaultKinesisClient}'s constructor calls {@code AwsCborProtocolFactory.builder()}, whose
 * constructor captures {@code SdkSystemSetting.CBOR_ENABLED} — not once per JVM. So the property is set
 * around each build, under a lock, and both encodings live side by side in one JVM.
 * {@code WireEncodingTest} proves it from the Content-Type actually sent.
 *
 * <p>Thread-safe.
 */
public final class Clients {
    public static final String ACCOUNT_ID = "000000000000";
    public static final Region REGION = Region.US_EAST_1;

    private static final String CBOR_PROPERTY = "aws.cborEnabled";
    private static final Object CBOR_PROPERTY_LOCK = new Object();

    private Clients() {
    }

    /** A sync client over Apache HTTP/1.1 with the SDK's default retries. */
    public static KinesisClient sync(URI endpoint, Wire wire) {
        return sync(endpoint, wire, o -> { });
    }

    /** A sync client with extra override configuration (interceptors, retry strategy). */
    public static KinesisClient sync(URI endpoint, Wire wire, Consumer<ClientOverrideConfiguration.Builder> override) {
        return withEncoding(wire, () -> KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(64)
                        .socketTimeout(Duration.ofSeconds(60))
                        .connectionTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(override)
                .build());
    }

    /**
     * An async client over Netty. For {@link Transport#HTTP2} against {@code http://} the SDK speaks h2c
     * with prior knowledge: without an SslContext Netty's {@code ChannelPipelineInitializer} installs the
     * HTTP/2 handlers directly (no Upgrade). {@code ProtocolNegotiation} only matters for TLS (ALPN);
     * {@code ASSUME_PROTOCOL}, the default, is set to say so. SubscribeToShard always goes as JSON.
     */
    public static KinesisAsyncClient async(URI endpoint, Transport transport, Wire wire) {
        return withEncoding(wire, () -> KinesisAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .protocol(transport == Transport.HTTP2 ? Protocol.HTTP2 : Protocol.HTTP1_1)
                        .protocolNegotiation(ProtocolNegotiation.ASSUME_PROTOCOL)
                        .maxConcurrency(64)
                        .readTimeout(Duration.ofSeconds(60))
                        .connectionTimeout(Duration.ofSeconds(5)))
                .build());
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static <T> T withEncoding(Wire wire, Supplier<T> build) {
        synchronized (CBOR_PROPERTY_LOCK) {
            String previous = System.getProperty(CBOR_PROPERTY);
            System.setProperty(CBOR_PROPERTY, String.valueOf(wire == Wire.CBOR));
            try {
                return build.get();
            } finally {
                if (previous == null) {
                    System.clearProperty(CBOR_PROPERTY);
                } else {
                    System.setProperty(CBOR_PROPERTY, previous);
                }
            }
        }
    }
}
