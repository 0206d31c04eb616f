package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.ConsumerDescription;
import dev.freshet.datastreams.kinesis.Consumers;
import dev.freshet.datastreams.kinesis.Page;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers and
 * DeregisterStreamConsumer on the wire. Thread-safe.
 */
final class ConsumerOperations {

    private final Consumers consumers;

    ConsumerOperations(Consumers consumers) {
        this.consumers = consumers;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "RegisterStreamConsumer", this::register,
            "DescribeStreamConsumer", this::describe,
            "ListStreamConsumers", this::list,
            "DeregisterStreamConsumer", (in, out) -> consumers.deregister(Requests.string(in, "StreamARN"),
                Requests.string(in, "ConsumerName"), Requests.string(in, "ConsumerARN")));
    }

    private void register(Input in, OutputWriter out) {
        ConsumerDescription consumer = consumers.register(Requests.required(in, "StreamARN"),
            Requests.required(in, "ConsumerName"), in.has("Tags") ? in.stringMap("Tags") : null);
        out.startObject("Consumer");
        consumer(out, consumer);
        out.endObject();
    }

    private void describe(Input in, OutputWriter out) {
        ConsumerDescription consumer = consumers.describe(Requests.string(in, "StreamARN"),
            Requests.string(in, "ConsumerName"), Requests.string(in, "ConsumerARN"));
        out.startObject("ConsumerDescription");
        consumer(out, consumer);
        out.string("StreamARN", consumer.streamArn()).endObject();
    }

    private void list(Input in, OutputWriter out) {
        Page<ConsumerDescription> page = consumers.list(Requests.required(in, "StreamARN"),
            Requests.integer(in, "MaxResults"), Requests.string(in, "NextToken"),
            in.timestamp("StreamCreationTimestamp").orElse(null));
        out.startArray("Consumers");
        for (ConsumerDescription consumer : page.items()) {
            out.startObject();
            consumer(out, consumer);
            out.endObject();
        }
        out.endArray().string("NextToken", page.nextToken());
    }

    private static void consumer(OutputWriter out, ConsumerDescription consumer) {
        out.string("ConsumerName", consumer.name())
            .string("ConsumerARN", consumer.arn())
            .string("ConsumerStatus", consumer.status())
            .timestamp("ConsumerCreationTimestamp", consumer.created());
    }
}
