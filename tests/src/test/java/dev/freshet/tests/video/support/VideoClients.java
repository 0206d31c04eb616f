package dev.freshet.tests.video.support;

import dev.freshet.tests.harness.Clients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kinesisvideo.KinesisVideoClient;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.KinesisVideoArchivedMediaClient;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;

/**
 * The official Kinesis Video Streams clients (AWS SDK for Java v2, 2.40.2) against Freshet: static
 * credentials, us-east-1, {@code endpointOverride}, Apache HTTP. The control-plane client talks to the
 * server's endpoint; the data-plane clients must be pointed at what {@code GetDataEndpoint} returned, as
 * with the real service ({@link VideoServer#archived} and {@link VideoServer#media} do that).
 *
 * <p>Thread-safe.
 */
public final class VideoClients {
    private VideoClients() {
    }

    public static KinesisVideoClient control(URI endpoint) {
        return KinesisVideoClient.builder().endpointOverride(endpoint).region(Clients.REGION)
                .credentialsProvider(Clients.credentials()).httpClient(http()).build();
    }

    public static KinesisVideoArchivedMediaClient archived(URI dataEndpoint) {
        return KinesisVideoArchivedMediaClient.builder().endpointOverride(dataEndpoint).region(Clients.REGION)
                .credentialsProvider(Clients.credentials()).httpClient(http()).build();
    }

    public static KinesisVideoMediaClient media(URI dataEndpoint) {
        return KinesisVideoMediaClient.builder().endpointOverride(dataEndpoint).region(Clients.REGION)
                .credentialsProvider(Clients.credentials()).httpClient(http()).build();
    }

    private static SdkHttpClient http() {
        // GetMedia responses are long-lived streams: a generous socket timeout, and enough connections
        // for several readers at once
        return ApacheHttpClient.builder().maxConnections(32).socketTimeout(Duration.ofSeconds(60))
                .connectionTimeout(Duration.ofSeconds(5)).build();
    }
}
