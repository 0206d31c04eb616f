package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.Page;
import dev.freshet.datastreams.kinesis.StreamDescription;
import dev.freshet.datastreams.kinesis.StreamLifecycle;
import dev.freshet.datastreams.kinesis.StreamLimits;
import dev.freshet.datastreams.kinesis.StreamSummary;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary, ListStreams,
 * UpdateStreamMode and DescribeLimits on the wire. Thread-safe.
 */
final class StreamOperations {

    private final StreamLifecycle streams;

    StreamOperations(StreamLifecycle streams) {
        this.streams = streams;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "CreateStream", this::create,
            "DeleteStream", (in, out) -> streams.delete(Requests.stream(in), in.bool("EnforceConsumerDeletion").orElse(false)),
            "DescribeStream", this::describe,
            "DescribeStreamSummary", this::describeSummary,
            "ListStreams", this::list,
            "UpdateStreamMode", this::updateMode,
            "DescribeLimits", this::describeLimits);
    }

    private void create(Input in, OutputWriter out) {
        String mode = in.structure("StreamModeDetails").flatMap(d -> d.string("StreamMode")).orElse(null);
        Map<String, String> tags = in.has("Tags") ? in.stringMap("Tags") : null;
        streams.create(new StreamLifecycle.CreateRequest(Requests.required(in, "StreamName"),
            Requests.integer(in, "ShardCount"), mode, tags, Requests.integer(in, "WarmThroughputMiBps"),
            Requests.integer(in, "MaxRecordSizeInKiB")));
    }

    private void describe(Input in, OutputWriter out) {
        StreamDescription stream = streams.describe(Requests.stream(in), Requests.integer(in, "Limit"),
            Requests.string(in, "ExclusiveStartShardId"));
        out.startObject("StreamDescription")
            .string("StreamName", stream.name())
            .string("StreamARN", stream.arn())
            .string("StreamStatus", stream.status());
        mode(out, stream.mode());
        Responses.shards(out, "Shards", stream.shards());
        out.bool("HasMoreShards", stream.hasMoreShards())
            .number("RetentionPeriodHours", stream.retentionHours())
            .timestamp("StreamCreationTimestamp", stream.created());
        monitoring(out, stream);
        out.string("EncryptionType", stream.encryptionType())
            .string("KeyId", stream.keyId())
            .endObject();
    }

    private void describeSummary(Input in, OutputWriter out) {
        StreamDescription stream = streams.describeSummary(Requests.stream(in));
        out.startObject("StreamDescriptionSummary")
            .string("StreamName", stream.name())
            .string("StreamARN", stream.arn())
            .string("StreamId", stream.streamId())
            .string("StreamStatus", stream.status());
        mode(out, stream.mode());
        out.number("RetentionPeriodHours", stream.retentionHours())
            .timestamp("StreamCreationTimestamp", stream.created());
        monitoring(out, stream);
        out.string("EncryptionType", stream.encryptionType())
            .string("KeyId", stream.keyId())
            .number("OpenShardCount", stream.openShardCount())
            .number("ConsumerCount", stream.consumerCount());
        if (stream.warmThroughputTargetMiBps() != null) {
            out.startObject("WarmThroughput")
                .number("TargetMiBps", stream.warmThroughputTargetMiBps())
                .number("CurrentMiBps", stream.warmThroughputCurrentMiBps())
                .endObject();
        }
        out.number("MaxRecordSizeInKiB", stream.maxRecordSizeKiB()).endObject();
    }

    private void list(Input in, OutputWriter out) {
        Page<StreamSummary> page = streams.list(Requests.integer(in, "Limit"),
            Requests.string(in, "ExclusiveStartStreamName"), Requests.string(in, "NextToken"));
        out.strings("StreamNames", page.items().stream().map(StreamSummary::name).toList())
            .bool("HasMoreStreams", page.hasMore())
            .string("NextToken", page.nextToken())
            .startArray("StreamSummaries");
        for (StreamSummary summary : page.items()) {
            out.startObject()
                .string("StreamName", summary.name())
                .string("StreamARN", summary.arn())
                .string("StreamStatus", summary.status());
            mode(out, summary.mode());
            out.timestamp("StreamCreationTimestamp", summary.created()).endObject();
        }
        out.endArray();
    }

    private void updateMode(Input in, OutputWriter out) {
        String mode = in.structure("StreamModeDetails").flatMap(d -> d.string("StreamMode")).orElseThrow();
        streams.updateMode(Requests.stream(in), mode, Requests.integer(in, "WarmThroughputMiBps"));
    }

    private void describeLimits(Input in, OutputWriter out) {
        StreamLimits limits = streams.describeLimits();
        out.number("ShardLimit", limits.shardLimit())
            .number("OpenShardCount", limits.openShardCount())
            .number("OnDemandStreamCount", limits.onDemandStreamCount())
            .number("OnDemandStreamCountLimit", limits.onDemandStreamCountLimit());
    }

    private static void mode(OutputWriter out, String mode) {
        out.startObject("StreamModeDetails").string("StreamMode", mode).endObject();
    }

    private static void monitoring(OutputWriter out, StreamDescription stream) {
        out.startArray("EnhancedMonitoring")
            .startObject()
            .strings("ShardLevelMetrics", stream.shardLevelMetrics())
            .endObject()
            .endArray();
    }
}
