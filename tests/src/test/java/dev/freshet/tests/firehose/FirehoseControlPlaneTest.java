package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Wire;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.ConcurrentModificationException;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamEncryptionStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.KeyType;
import software.amazon.awssdk.services.firehose.model.ListDeliveryStreamsResponse;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/** The Firehose control plane through the AWS SDK for Java v2, against the real server. */
class FirehoseControlPlaneTest {

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    @Test
    void directPutStreamIsCreatedDescribedWithDefaultsAndDeleted() {
        String arn = sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-direct")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").prefix("raw/").build())
            .tags(Tag.builder().key("team").value("data").build())).deliveryStreamARN();
        assertThat(arn).isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/sdk-direct");

        DeliveryStreamDescription description = describe("sdk-direct");
        assertThat(description.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
        assertThat(description.deliveryStreamType()).isEqualTo(DeliveryStreamType.DIRECT_PUT);
        assertThat(description.versionId()).isEqualTo("1");
        assertThat(description.createTimestamp()).isNotNull();
        assertThat(description.hasMoreDestinations()).isFalse();
        ExtendedS3DestinationDescription s3 = description.destinations().get(0).extendedS3DestinationDescription();
        assertThat(description.destinations().get(0).destinationId()).isEqualTo("destinationId-000000000001");
        assertThat(s3.bucketARN()).isEqualTo("arn:aws:s3:::sdk-bucket");
        assertThat(s3.prefix()).isEqualTo("raw/");
        assertThat(s3.bufferingHints()).isEqualTo(Firehoses.hints(5, 300));
        assertThat(s3.compressionFormat()).isEqualTo(CompressionFormat.UNCOMPRESSED);
        assertThat(s3.s3BackupModeAsString()).isEqualTo("Disabled");

        sdk.client().deleteDeliveryStream(r -> r.deliveryStreamName("sdk-direct"));
        assertThatThrownBy(() -> sdk.client().putRecord(r -> r.deliveryStreamName("sdk-direct")
            .record(x -> x.data(SdkBytes.fromUtf8String("x")))))
            .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> describe("sdk-direct")).isInstanceOf(ResourceNotFoundException.class)
            .hasMessageContaining("Firehose stream sdk-direct under account 000000000000 not found.");
    }

    @Test
    void kinesisSourcedStreamReadsAnExistingDataStreamAndRefusesPuts() {
        KinesisClient kinesis = server.client(Wire.JSON);
        kinesis.createStream(r -> r.streamName("sdk-source").shardCount(1));
        StreamDescriptionSummary source = kinesis.describeStreamSummary(r -> r.streamName("sdk-source"))
            .streamDescriptionSummary();
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-from-kinesis")
            .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
            .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(source.streamARN()).roleARN(Firehoses.ROLE))
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build()));

        DeliveryStreamDescription description = describe("sdk-from-kinesis");
        assertThat(description.deliveryStreamType()).isEqualTo(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE);
        assertThat(description.source().kinesisStreamSourceDescription().kinesisStreamARN()).isEqualTo(source.streamARN());
        assertThat(description.source().kinesisStreamSourceDescription().deliveryStartTimestamp()).isNotNull();
        assertThatThrownBy(() -> sdk.client().putRecord(r -> r.deliveryStreamName("sdk-from-kinesis")
            .record(x -> x.data(SdkBytes.fromUtf8String("x")))))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("not permitted on KinesisStreamAsSource");
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-from-nothing")
            .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
            .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(
                "arn:aws:kinesis:us-east-1:000000000000:stream/none").roleARN(Firehoses.ROLE))
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build())))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-msk")
            .deliveryStreamType(DeliveryStreamType.MSK_AS_SOURCE)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build())))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("not supported by Freshet");
    }

    @Test
    void listPagesThroughNamesAndFiltersByType() {
        for (String name : List.of("sdk-list-a", "sdk-list-b", "sdk-list-c")) {
            sdk.client().createDeliveryStream(r -> r.deliveryStreamName(name)
                .s3DestinationConfiguration(s -> s.roleARN(Firehoses.ROLE).bucketARN("arn:aws:s3:::sdk-bucket")));
        }
        List<String> seen = new ArrayList<>();
        String start = "sdk-list-";
        ListDeliveryStreamsResponse page;
        do {
            String after = start;
            page = sdk.client().listDeliveryStreams(r -> r.limit(2).deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                .exclusiveStartDeliveryStreamName(after));
            assertThat(page.deliveryStreamNames()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.deliveryStreamNames());
            start = seen.get(seen.size() - 1);
        } while (page.hasMoreDeliveryStreams() && start.startsWith("sdk-list-"));
        assertThat(seen).containsSubsequence("sdk-list-a", "sdk-list-b", "sdk-list-c");
    }

    @Test
    void updateDestinationNeedsTheCurrentVersionAndBumpsIt() {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-update")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build()));
        sdk.client().updateDestination(r -> r.deliveryStreamName("sdk-update").currentDeliveryStreamVersionId("1")
            .destinationId("destinationId-000000000001")
            .extendedS3DestinationUpdate(u -> u.bufferingHints(Firehoses.hints(1, 0)).compressionFormat(CompressionFormat.GZIP)));

        DeliveryStreamDescription description = describe("sdk-update");
        assertThat(description.versionId()).isEqualTo("2");
        assertThat(description.lastUpdateTimestamp()).isAfterOrEqualTo(description.createTimestamp());
        ExtendedS3DestinationDescription s3 = description.destinations().get(0).extendedS3DestinationDescription();
        assertThat(s3.bufferingHints()).isEqualTo(Firehoses.hints(1, 0));
        assertThat(s3.compressionFormat()).isEqualTo(CompressionFormat.GZIP);
        assertThat(s3.bucketARN()).isEqualTo("arn:aws:s3:::sdk-bucket");
        assertThatThrownBy(() -> sdk.client().updateDestination(r -> r.deliveryStreamName("sdk-update")
            .currentDeliveryStreamVersionId("1").destinationId("destinationId-000000000001")
            .extendedS3DestinationUpdate(u -> u.prefix("other/"))))
            .isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void tagsAndEncryptionAreKept() {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-tags")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build()));
        sdk.client().tagDeliveryStream(r -> r.deliveryStreamName("sdk-tags").tags(
            Tag.builder().key("b").value("2").build(), Tag.builder().key("a").value("1").build(),
            Tag.builder().key("c").value("3").build()));
        var first = sdk.client().listTagsForDeliveryStream(r -> r.deliveryStreamName("sdk-tags").limit(2));
        assertThat(first.tags()).extracting(Tag::key).containsExactly("a", "b");
        assertThat(first.hasMoreTags()).isTrue();
        var rest = sdk.client().listTagsForDeliveryStream(r -> r.deliveryStreamName("sdk-tags").exclusiveStartTagKey("b"));
        assertThat(rest.tags()).extracting(Tag::key).containsExactly("c");
        sdk.client().untagDeliveryStream(r -> r.deliveryStreamName("sdk-tags").tagKeys("a", "c"));
        assertThat(sdk.client().listTagsForDeliveryStream(r -> r.deliveryStreamName("sdk-tags")).tags())
            .containsExactly(Tag.builder().key("b").value("2").build());

        sdk.client().startDeliveryStreamEncryption(r -> r.deliveryStreamName("sdk-tags")
            .deliveryStreamEncryptionConfigurationInput(e -> e.keyType(KeyType.AWS_OWNED_CMK)));
        var encryption = describe("sdk-tags").deliveryStreamEncryptionConfiguration();
        assertThat(encryption.keyType()).isEqualTo(KeyType.AWS_OWNED_CMK);
        assertThat(encryption.status()).isEqualTo(DeliveryStreamEncryptionStatus.ENABLED);
        sdk.client().stopDeliveryStreamEncryption(r -> r.deliveryStreamName("sdk-tags"));
        assertThat(describe("sdk-tags").deliveryStreamEncryptionConfiguration().status())
            .isEqualTo(DeliveryStreamEncryptionStatus.DISABLED);
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-tags")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").build())))
            .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void badConfigurationsAreRefusedWithTheServiceErrors() {
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-bad-prefix")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").prefix("d/!{timestamp:yyyy}/").build())))
            .isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions");
        assertThatThrownBy(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-bad-error-prefix")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").prefix("d/!{timestamp:yyyy}/")
                .errorOutputPrefix("errors/!{timestamp:yyyy}/").build())))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("!{firehose:error-output-type}");
        assertValidation(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-bad-hints")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").bufferingHints(Firehoses.hints(129, 60))
                .build())), "Value '129' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to "
            + "satisfy constraint: Member must have value less than or equal to 128");
        assertValidation(() -> sdk.client().createDeliveryStream(r -> r.deliveryStreamName("sdk-bad-interval")
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("sdk-bucket").bufferingHints(Firehoses.hints(5, 901))
                .build())), "Member must have value less than or equal to 900");
        assertThatThrownBy(() -> sdk.client().describeDeliveryStream(r -> r.deliveryStreamName("sdk-none")))
            .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sdk.client().updateDestination(r -> r.deliveryStreamName("sdk-none")
            .currentDeliveryStreamVersionId("1").destinationId("destinationId-000000000001")
            .s3DestinationUpdate(u -> u.prefix("x/"))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    private static void assertValidation(Runnable call, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    private static DeliveryStreamDescription describe(String name) {
        return sdk.client().describeDeliveryStream(r -> r.deliveryStreamName(name)).deliveryStreamDescription();
    }
}
