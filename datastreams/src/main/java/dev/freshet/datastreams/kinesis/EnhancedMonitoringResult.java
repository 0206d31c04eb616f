package dev.freshet.datastreams.kinesis;

import java.util.Set;

/** What Enable/DisableEnhancedMonitoring answer: the shard-level metrics before and after. */
public record EnhancedMonitoringResult(String streamName, String streamArn, Set<String> current, Set<String> desired) {
}
