package dev.freshet.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.net.URI;
import java.time.Duration;

/**
 * The official AWS SDK for Java v2 clients the generator drives: static test credentials, us-east-1,
 * {@code endpointOverride}, and no retries, so every failed call shows up as an error instead of as
 * hidden latency.
 *
 * <p>The encoding is chosen by the system property {@code aws.cborEnabled}, which the SDK reads
 * when a client is built; the generator sets it once, before building any client, and runs one
 * encoding per process. Event streams (SubscribeToShard) are JSON whatever the property says.
 *
 * <p>Stateless and thread-safe.
 */
final class SdkClients {

    private SdkClients() {
    }

    static void chooseEncoding(boolean cbor) {
        System.setProperty("aws.cborEnabled", Boolean.toString(cbor));
    }

    /** Sync client over Apache HTTP/1.1 with a pool of {@code connections}. */
    static KinesisClient sync(URI endpoint, int connections) {
        return KinesisClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofSeconds(60)))
            .httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(connections)
                .socketTimeout(Duration.ofSeconds(60))
                .connectionTimeout(Duration.ofSeconds(5)))
            .build();
    }

    /** Async client over Netty speaking HTTP/2 (h2c with prior knowledge on {@code http://}). */
    static KinesisAsyncClient asyncHttp2(URI endpoint) {
        return KinesisAsyncClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP2)
                .maxConcurrency(64)
                .readTimeout(Duration.ofSeconds(60))
                .connectionTimeout(Duration.ofSeconds(5)))
            .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    }
}
