package dev.freshet.datastreams.kinesis;

/** DescribeLimits' answer. */
public record StreamLimits(int shardLimit, int openShardCount, int onDemandStreamCount, int onDemandStreamCountLimit) {
}
