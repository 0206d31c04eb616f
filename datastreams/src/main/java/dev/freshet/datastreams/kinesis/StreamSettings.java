package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.ShardRecord;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;
import dev.freshet.datastreams.kinesis.internal.StreamRecord;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The per-stream settings operations: Increase/DecreaseStreamRetentionPeriod,
 * UpdateMaxRecordSize, UpdateStreamWarmThroughput, Enable/DisableEnhancedMonitoring and
 * Start/StopStreamEncryption. Encryption is recorded and reported, not yet applied to the bytes
 * at rest.
 *
 * <p>Thread-safe.
 */
public final class StreamSettings {

    public static final int MIN_RETENTION_HOURS = 24;
    public static final int MAX_RETENTION_HOURS = 8760;
    public static final List<String> SHARD_LEVEL_METRICS = List.of("IncomingBytes", "IncomingRecords",
        "OutgoingBytes", "OutgoingRecords", "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded",
        "IteratorAgeMilliseconds");

    private final StreamCatalog catalog;

    public StreamSettings(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    /** What UpdateStreamWarmThroughput answers. */
    public record WarmThroughputResult(String streamName, String streamArn, int targetMiBps, int currentMiBps) {
    }

    public void increaseRetention(StreamRef ref, int hours) {
        checkRetentionBounds(hours);
        changeRetention(ref, hours, true);
    }

    public void decreaseRetention(StreamRef ref, int hours) {
        checkRetentionBounds(hours);
        changeRetention(ref, hours, false);
    }

    public void updateMaxRecordSize(StreamRef ref, int kib) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            stream.maxRecordSizeKiB = kib;
            return null;
        });
    }

    public WarmThroughputResult updateWarmThroughput(StreamRef ref, int mibps) {
        return catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            if (!stream.mode.equals("ON_DEMAND")) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Warm throughput can only be set on ON_DEMAND streams; stream %s is %s.", stream.name, stream.mode);
            }
            stream.warmThroughputTargetMiBps = mibps;
            return new WarmThroughputResult(stream.name, catalog.settings().streamArn(stream.name), mibps, mibps);
        });
    }

    public EnhancedMonitoringResult enableMonitoring(StreamRef ref, Collection<String> metrics) {
        return changeMonitoring(ref, metrics, true);
    }

    public EnhancedMonitoringResult disableMonitoring(StreamRef ref, Collection<String> metrics) {
        return changeMonitoring(ref, metrics, false);
    }

    public void startEncryption(StreamRef ref, String encryptionType, String keyId) {
        if (!"KMS".equals(encryptionType)) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Encryption type %s is not supported; use KMS.", encryptionType);
        }
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            stream.encryptionType = "KMS";
            stream.keyId = keyId;
            catalog.beginPhase(stream, "UPDATING");
            return null;
        });
    }

    public void stopEncryption(StreamRef ref, String encryptionType, String keyId) {
        if (!"KMS".equals(encryptionType)) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception("Encryption type %s is not supported; use KMS.", encryptionType);
        }
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            if (!stream.encryptionType.equals("KMS")) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("Stream %s under account %s is not encrypted.",
                    stream.name, catalog.settings().accountId());
            }
            stream.encryptionType = "NONE";
            stream.keyId = null;
            catalog.beginPhase(stream, "UPDATING");
            return null;
        });
    }

    private void changeRetention(StreamRef ref, int hours, boolean increase) {
        catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            if (increase && hours < stream.retentionHours) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Requested retention period (%d hours) for stream %s can not be shorter than existing retention "
                        + "period (%d hours). Use DecreaseRetentionPeriod API.", hours, stream.name, stream.retentionHours);
            }
            if (!increase && hours > stream.retentionHours) {
                throw KinesisErrorType.INVALID_ARGUMENT.exception(
                    "Requested retention period (%d hours) for stream %s can not be longer than existing retention "
                        + "period (%d hours). Use IncreaseRetentionPeriod API.", hours, stream.name, stream.retentionHours);
            }
            stream.retentionHours = hours;
            for (ShardRecord shard : stream.shards) {
                catalog.log(stream, shard).updateRetention(Duration.ofHours(hours));
            }
            return null;
        });
    }

    private static void checkRetentionBounds(int hours) {
        if (hours < MIN_RETENTION_HOURS) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Minimum allowed retention period is %d hours. Requested retention period (%d hours) is too short.",
                MIN_RETENTION_HOURS, hours);
        }
        if (hours > MAX_RETENTION_HOURS) {
            throw KinesisErrorType.INVALID_ARGUMENT.exception(
                "Maximum allowed retention period is %d hours. Requested retention period (%d hours) is too long.",
                MAX_RETENTION_HOURS, hours);
        }
    }

    private EnhancedMonitoringResult changeMonitoring(StreamRef ref, Collection<String> metrics, boolean enable) {
        SortedSet<String> named = expand(metrics);
        return catalog.mutate(state -> {
            StreamRecord stream = catalog.requireActive(state, ref);
            SortedSet<String> before = new TreeSet<>(stream.shardLevelMetrics);
            if (enable) {
                stream.shardLevelMetrics.addAll(named);
            } else {
                stream.shardLevelMetrics.removeAll(named);
            }
            return new EnhancedMonitoringResult(stream.name, catalog.settings().streamArn(stream.name),
                Collections.unmodifiableSortedSet(before),
                Collections.unmodifiableSortedSet(new TreeSet<>(stream.shardLevelMetrics)));
        });
    }

    private static SortedSet<String> expand(Collection<String> metrics) {
        SortedSet<String> named = new TreeSet<>();
        for (String metric : metrics) {
            if (metric.equals("ALL")) {
                named.addAll(SHARD_LEVEL_METRICS);
            } else if (SHARD_LEVEL_METRICS.contains(metric)) {
                named.add(metric);
            } else {
                throw KinesisErrorType.INVALID_ARGUMENT.exception("Unknown shard-level metric %s.", metric);
            }
        }
        return named;
    }
}
