package dev.freshet.datastreams.kinesis;

import java.util.Map;

/**
 * The service's documented control-plane rate quotas (Kinesis Data Streams quotas page), as
 * calls per second and the scope they apply to: the account, one stream, or one shard. Calls past
 * them answer LimitExceededException in limits mode.
 */
public final class ControlPlaneRates {

    /** What a quota is counted over. */
    public enum Scope { ACCOUNT, STREAM, SHARD }

    private record Rate(double perSecond, Scope scope) {
    }

    private static final Map<String, Rate> RATES = Map.ofEntries(
        Map.entry("AddTagsToStream", new Rate(5, Scope.ACCOUNT)),
        Map.entry("CreateStream", new Rate(5, Scope.ACCOUNT)),
        Map.entry("DeleteStream", new Rate(5, Scope.ACCOUNT)),
        Map.entry("DescribeLimits", new Rate(1, Scope.ACCOUNT)),
        Map.entry("DescribeStream", new Rate(10, Scope.ACCOUNT)),
        Map.entry("DescribeStreamConsumer", new Rate(20, Scope.STREAM)),
        Map.entry("DescribeStreamSummary", new Rate(20, Scope.ACCOUNT)),
        Map.entry("DeregisterStreamConsumer", new Rate(5, Scope.STREAM)),
        Map.entry("DisableEnhancedMonitoring", new Rate(5, Scope.STREAM)),
        Map.entry("EnableEnhancedMonitoring", new Rate(5, Scope.STREAM)),
        Map.entry("GetShardIterator", new Rate(5, Scope.SHARD)),
        Map.entry("IncreaseStreamRetentionPeriod", new Rate(5, Scope.STREAM)),
        Map.entry("DecreaseStreamRetentionPeriod", new Rate(5, Scope.STREAM)),
        Map.entry("ListShards", new Rate(1000, Scope.STREAM)),
        Map.entry("ListStreamConsumers", new Rate(5, Scope.STREAM)),
        Map.entry("ListStreams", new Rate(5, Scope.ACCOUNT)),
        Map.entry("ListTagsForStream", new Rate(5, Scope.ACCOUNT)),
        Map.entry("MergeShards", new Rate(5, Scope.ACCOUNT)),
        Map.entry("RegisterStreamConsumer", new Rate(5, Scope.STREAM)),
        Map.entry("RemoveTagsFromStream", new Rate(5, Scope.ACCOUNT)),
        Map.entry("SplitShard", new Rate(5, Scope.ACCOUNT)),
        Map.entry("SubscribeToShard", new Rate(1, Scope.SHARD)),
        Map.entry("UpdateShardCount", new Rate(2, Scope.STREAM)));

    private ControlPlaneRates() {
    }

    /** Calls per second allowed, or 0 when the operation has no rate quota here. */
    public static double perSecond(String operation) {
        Rate rate = RATES.get(operation);
        return rate == null ? 0 : rate.perSecond();
    }

    /** What the operation's quota is counted over (ACCOUNT for operations without one). */
    public static Scope scope(String operation) {
        Rate rate = RATES.get(operation);
        return rate == null ? Scope.ACCOUNT : rate.scope();
    }
}
