package dev.freshet.signaling.channels;

import java.time.Instant;

/**
 * What DescribeSignalingChannel and ListSignalingChannels tell about a channel.
 *
 * <p>Immutable and thread-safe.
 *
 * @param messageTtlSeconds the SINGLE_MASTER configuration: how long undelivered messages live (5..120)
 * @param version           changes with every UpdateSignalingChannel
 */
public record ChannelInfo(String name, String arn, ChannelType type, ChannelStatus status, Instant creationTime,
                          int messageTtlSeconds, String version) {
}
