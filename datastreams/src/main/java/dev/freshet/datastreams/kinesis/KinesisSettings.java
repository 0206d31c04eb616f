package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.log.Durability;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How the Kinesis services behave: identity in ARNs, timings, limits and storage settings.
 *
 * @param region                  region named in ARNs
 * @param accountId               12-digit account named in ARNs and messages
 * @param transitionDelay         how long CREATING, UPDATING and DELETING last
 * @param iteratorTtl             shard iterator lifetime (the service: 5 minutes)
 * @param subscriptionLifetime    SubscribeToShard lifetime (the service: 5 minutes)
 * @param enforceLimits           apply the service's per-shard and control-plane rate limits
 * @param durability              when appends are acknowledged
 * @param segmentBytes            shard log segment size
 * @param segmentAge              shard log segment age before it rolls
 * @param shardLimit              open shards allowed across the account (DescribeLimits)
 * @param onDemandStreamLimit     on-demand streams allowed across the account
 * @param onDemandSplitBytesPerSecond an on-demand stream's shard is split when its write rate over
 *                                {@code onDemandWindow} exceeds this
 * @param onDemandWindow          the window of that measurement, and how often it is checked
 * @param clock                   the time source
 */
public record KinesisSettings(String region, String accountId, Duration transitionDelay, Duration iteratorTtl,
                              Duration subscriptionLifetime, boolean enforceLimits, Durability durability,
                              long segmentBytes, Duration segmentAge, int shardLimit, int onDemandStreamLimit,
                              long onDemandSplitBytesPerSecond, Duration onDemandWindow, InstantSource clock) {

    public KinesisSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clock, "clock");
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits: " + accountId);
        }
    }

    /** The service's defaults, local storage, no limits enforced. */
    public static KinesisSettings defaults() {
        return new KinesisSettings("us-east-1", "000000000000", Duration.ofMillis(500), Duration.ofMinutes(5),
            Duration.ofMinutes(5), false, Durability.OS, 64L * 1024 * 1024, Duration.ofHours(1), 500, 50,
            512 * 1024, Duration.ofSeconds(30), InstantSource.system());
    }

    public KinesisSettings withTransitionDelay(Duration delay) {
        return new KinesisSettings(region, accountId, delay, iteratorTtl, subscriptionLifetime, enforceLimits,
            durability, segmentBytes, segmentAge, shardLimit, onDemandStreamLimit, onDemandSplitBytesPerSecond,
            onDemandWindow, clock);
    }

    public KinesisSettings withClock(InstantSource newClock) {
        return new KinesisSettings(region, accountId, transitionDelay, iteratorTtl, subscriptionLifetime,
            enforceLimits, durability, segmentBytes, segmentAge, shardLimit, onDemandStreamLimit,
            onDemandSplitBytesPerSecond, onDemandWindow, newClock);
    }

    public KinesisSettings withLimits(boolean enforce) {
        return new KinesisSettings(region, accountId, transitionDelay, iteratorTtl, subscriptionLifetime, enforce,
            durability, segmentBytes, segmentAge, shardLimit, onDemandStreamLimit, onDemandSplitBytesPerSecond,
            onDemandWindow, clock);
    }

    public String streamArn(String streamName) {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + streamName;
    }

    public String consumerArn(String streamName, String consumerName, long createdMillis) {
        return streamArn(streamName) + "/consumer/" + consumerName + ":" + createdMillis / 1000;
    }
}
