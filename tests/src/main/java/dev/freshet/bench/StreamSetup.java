package dev.freshet.bench;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import java.util.List;

/**
 * Control-plane steps around a run: the stream (created when missing, then awaited until ACTIVE),
 * its open shards, and the enhanced fan-out consumer of a subscribe run.
 *
 * <p>Thread-safe (stateless over a thread-safe client).
 */
final class StreamSetup {

    private static final long WAIT_MILLIS = 60_000;

    private final KinesisClient client;
    private final String stream;

    StreamSetup(KinesisClient client, String stream) {
        this.client = client;
        this.stream = stream;
    }

    /** Creates the stream with {@code shards} shards unless it exists, and waits until it is ACTIVE. */
    StreamDescriptionSummary ensureActive(int shards) throws InterruptedException {
        try {
            client.createStream(b -> b.streamName(stream).shardCount(shards));
        } catch (ResourceInUseException exists) {
            System.err.println("stream " + stream + " exists; using it as it is");
        }
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            StreamDescriptionSummary summary =
                client.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary();
            if (summary.streamStatus() == StreamStatus.ACTIVE) {
                return summary;
            }
            checkDeadline(deadline, "stream " + stream + " to become ACTIVE");
            Thread.sleep(100);
        }
    }

    /** Ids of the shards that are still open (no ending sequence number). */
    List<String> openShards() {
        List<Shard> shards = client.listShards(b -> b.streamName(stream)).shards();
        return shards.stream()
            .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
            .map(Shard::shardId)
            .toList();
    }

    /** Registers an enhanced fan-out consumer and waits until it is ACTIVE; returns its ARN. */
    String registerConsumer(String streamArn, String name) throws InterruptedException {
        String arn = client.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName(name))
            .consumer().consumerARN();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (client.describeStreamConsumer(b -> b.consumerARN(arn)).consumerDescription().consumerStatus()
            != ConsumerStatus.ACTIVE) {
            checkDeadline(deadline, "consumer " + name + " to become ACTIVE");
            Thread.sleep(100);
        }
        return arn;
    }

    void deregisterConsumer(String consumerArn) {
        client.deregisterStreamConsumer(b -> b.consumerARN(consumerArn));
    }

    private static void checkDeadline(long deadline, String what) {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("gave up waiting for " + what);
        }
    }
}
