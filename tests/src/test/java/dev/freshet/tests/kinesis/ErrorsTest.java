package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** The error types, messages and request ids a user of the real service sees. */
class ErrorsTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void missingStreamsAreNotFoundWithTheServicesMessage(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String missing = Streams.uniqueName("nope");
        String expected = "Stream " + missing + " under account 000000000000 not found.";
        List<ThrowingCallable> calls = List.of(
                () -> kinesis.describeStream(b -> b.streamName(missing)),
                () -> kinesis.describeStreamSummary(b -> b.streamName(missing)),
                () -> kinesis.deleteStream(b -> b.streamName(missing)),
                () -> kinesis.listShards(b -> b.streamName(missing)),
                () -> kinesis.addTagsToStream(b -> b.streamName(missing).tags(java.util.Map.of("a", "b"))),
                () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(missing).retentionPeriodHours(48)));

        for (ThrowingCallable call : calls) {
            AwsServiceException e = Errors.serviceError(call);
            assertThat(e).isInstanceOf(ResourceNotFoundException.class);
            assertThat(Errors.message(e)).isEqualTo(expected);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.requestId()).isNotBlank();
        }
        assertThat(Errors.serviceError(() -> kinesis.getShardIterator(b -> b.streamName(missing)
                .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.LATEST))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @WireTest
    void creatingAnExistingStreamIsInUse(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "exists", 1);

        AwsServiceException e = Errors.serviceError(() -> kinesis.createStream(b -> b.streamName(name).shardCount(1)));

        assertThat(e).isInstanceOf(ResourceInUseException.class);
        assertThat(Errors.message(e)).isEqualTo("Stream " + name + " under account 000000000000 already exists.");
    }

    @WireTest
    void badStreamNamesFailValidationWithTheConstraintInTheMessage(Wire wire) {
        KinesisClient kinesis = server.client(wire);

        AwsServiceException pattern = Errors.serviceError(() -> kinesis.createStream(b -> b.streamName("bad name")
                .shardCount(1)));
        AwsServiceException length = Errors.serviceError(() -> kinesis.describeStream(b -> b.streamName("x".repeat(129))));

        assertThat(pattern).isInstanceOf(ValidationException.class);
        assertThat(Errors.message(pattern)).contains("Value 'bad name' at 'streamName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertThat(length).isInstanceOf(ValidationException.class);
        assertThat(Errors.message(length)).contains("at 'streamName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 128");
    }

    @WireTest
    void shardCountsBelowOneFailValidation(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.uniqueName("zero");

        AwsServiceException e = Errors.serviceError(() -> kinesis.createStream(b -> b.streamName(name).shardCount(0)));

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(Errors.message(e)).contains("Value '0' at 'shardCount' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1");
    }

    @WireTest
    void badHashKeysAreInvalidArguments(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "hash", 2);

        assertThat(Errors.serviceError(() -> kinesis.splitShard(b -> b.streamName(name)
                .shardToSplit("shardId-000000000001").newStartingHashKey("1"))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(Errors.serviceError(() -> kinesis.splitShard(b -> b.streamName(name)
                .shardToSplit("shardId-000000000099").newStartingHashKey("1"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @WireTest
    void successfulResponsesCarryARequestId(Wire wire) {
        KinesisClient kinesis = server.client(wire);

        String requestId = kinesis.listStreams().responseMetadata().requestId();

        assertThat(requestId).isNotBlank().isNotEqualTo("UNKNOWN");
    }
}
