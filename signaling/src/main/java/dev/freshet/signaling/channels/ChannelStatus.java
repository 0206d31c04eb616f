package dev.freshet.signaling.channels;

/**
 * A channel's status as DescribeSignalingChannel reports it. Freshet applies every change at once,
 * so a channel it lists is always ACTIVE; the other values exist for the wire.
 */
public enum ChannelStatus {
    CREATING,
    ACTIVE,
    UPDATING,
    DELETING
}
