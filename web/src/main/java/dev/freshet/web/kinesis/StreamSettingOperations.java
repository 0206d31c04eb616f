package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.EnhancedMonitoringResult;
import dev.freshet.datastreams.kinesis.StreamSettings;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * Increase/DecreaseStreamRetentionPeriod, UpdateMaxRecordSize, UpdateStreamWarmThroughput,
 * Enable/DisableEnhancedMonitoring and Start/StopStreamEncryption on the wire. Thread-safe.
 */
final class StreamSettingOperations {

    private final StreamSettings settings;

    StreamSettingOperations(StreamSettings settings) {
        this.settings = settings;
    }

    Map<String, KinesisOperation> operations() {
        return Map.of(
            "IncreaseStreamRetentionPeriod",
            (in, out) -> settings.increaseRetention(Requests.stream(in), in.integer("RetentionPeriodHours").orElseThrow()),
            "DecreaseStreamRetentionPeriod",
            (in, out) -> settings.decreaseRetention(Requests.stream(in), in.integer("RetentionPeriodHours").orElseThrow()),
            "UpdateMaxRecordSize",
            (in, out) -> settings.updateMaxRecordSize(Requests.stream(in), in.integer("MaxRecordSizeInKiB").orElseThrow()),
            "UpdateStreamWarmThroughput", this::updateWarmThroughput,
            "EnableEnhancedMonitoring",
            (in, out) -> monitoring(out, settings.enableMonitoring(Requests.stream(in), in.strings("ShardLevelMetrics"))),
            "DisableEnhancedMonitoring",
            (in, out) -> monitoring(out, settings.disableMonitoring(Requests.stream(in), in.strings("ShardLevelMetrics"))),
            "StartStreamEncryption", (in, out) -> settings.startEncryption(Requests.stream(in),
                Requests.required(in, "EncryptionType"), Requests.required(in, "KeyId")),
            "StopStreamEncryption", (in, out) -> settings.stopEncryption(Requests.stream(in),
                Requests.required(in, "EncryptionType"), Requests.required(in, "KeyId")));
    }

    private void updateWarmThroughput(Input in, OutputWriter out) {
        StreamSettings.WarmThroughputResult result = settings.updateWarmThroughput(Requests.stream(in),
            in.integer("WarmThroughputMiBps").orElseThrow());
        out.string("StreamARN", result.streamArn())
            .string("StreamName", result.streamName())
            .startObject("WarmThroughput")
            .number("TargetMiBps", result.targetMiBps())
            .number("CurrentMiBps", result.currentMiBps())
            .endObject();
    }

    private static void monitoring(OutputWriter out, EnhancedMonitoringResult result) {
        out.string("StreamName", result.streamName())
            .strings("CurrentShardLevelMetrics", result.current())
            .strings("DesiredShardLevelMetrics", result.desired())
            .string("StreamARN", result.streamArn());
    }
}
