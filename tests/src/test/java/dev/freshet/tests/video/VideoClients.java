package dev.freshet.tests.video;

import dev.freshet.tests.harness.Clients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideo.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesisvideo.model.Status;
import software.amazon.awssdk.services.kinesisvideo.model.StreamInfo;

import static org.awaitility.Awaitility.await;

/**
 * The official AWS SDK for Java v2 Kinesis Video Streams control-plane client against a Freshet
 * endpoint (static credentials, us-east-1, {@code endpointOverride}, Apache HTTP), and the polling
 * the SDK has no waiter for.
 *
 * <p>Thread-safe.
 */
final class VideoClients {

    private VideoClients() {
    }

    static KinesisVideoClient control(URI endpoint) {
        return KinesisVideoClient.builder()
                .endpointOverride(endpoint)
                .region(Clients.REGION)
                .credentialsProvider(Clients.credentials())
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** Polls DescribeStream until the stream has {@code status} (the SDK has no KinesisVideo waiter). */
    static StreamInfo awaitStatus(KinesisVideoClient video, String name, Status status) {
        return await("stream " + name + " " + status).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> video.describeStream(b -> b.streamName(name)), r -> r.streamInfo().status() == status)
                .streamInfo();
    }

    /** Polls until DescribeStream answers ResourceNotFoundException. */
    static void awaitGone(KinesisVideoClient video, String name) {
        await("stream " + name + " deleted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> describeOrNull(video, name) == null);
    }

    private static DescribeStreamResponse describeOrNull(KinesisVideoClient video, String name) {
        try {
            return video.describeStream(b -> b.streamName(name));
        } catch (software.amazon.awssdk.services.kinesisvideo.model.ResourceNotFoundException e) {
            return null;
        }
    }

    /** The error code the SDK parsed from the response (for errors the model does not declare). */
    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails().errorCode();
    }
}
