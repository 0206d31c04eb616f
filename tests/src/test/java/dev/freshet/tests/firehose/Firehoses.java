package dev.freshet.tests.firehose;

import dev.freshet.tests.harness.Clients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.BufferingHints;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The AWS SDK v2 Firehose client against a Freshet endpoint, and configurations the tests share. */
final class Firehoses {

    static final String ROLE = "arn:aws:iam::000000000000:role/firehose";

    private Firehoses() {
    }

    static FirehoseClient client(URI endpoint) {
        return FirehoseClient.builder()
            .endpointOverride(endpoint)
            .region(Clients.REGION)
            .credentialsProvider(Clients.credentials())
            .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
            .build();
    }

    /** A client that does not retry, so a call the server did not answer is visibly not acknowledged. */
    static FirehoseClient clientWithoutRetries(URI endpoint) {
        return FirehoseClient.builder()
            .endpointOverride(endpoint)
            .region(Clients.REGION)
            .credentialsProvider(Clients.credentials())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
            .build();
    }

    static ExtendedS3DestinationConfiguration.Builder extendedS3(String bucket) {
        return ExtendedS3DestinationConfiguration.builder().roleARN(ROLE).bucketARN("arn:aws:s3:::" + bucket);
    }

    /** Creates a Kinesis data stream and answers its ARN, for a KinesisStreamAsSource delivery stream. */
    static String dataStream(KinesisClient kinesis, String name, int shards) {
        kinesis.createStream(r -> r.streamName(name).shardCount(shards));
        return kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary().streamARN();
    }

    /** A CreateDeliveryStream request for a stream reading the data stream {@code sourceArn}. */
    static CreateDeliveryStreamRequest.Builder fromKinesis(String deliveryStream, String sourceArn) {
        return CreateDeliveryStreamRequest.builder().deliveryStreamName(deliveryStream)
            .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
            .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(sourceArn).roleARN(ROLE));
    }

    static BufferingHints hints(int sizeInMBs, int intervalInSeconds) {
        return BufferingHints.builder().sizeInMBs(sizeInMBs).intervalInSeconds(intervalInSeconds).build();
    }
}
