package dev.freshet.fragments.video;

import java.time.Instant;

/**
 * A stream as DescribeStream and ListStreams report it ({@code StreamInfo}). Null members were
 * never set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kmsKeyId             the key given at creation, or the service-managed key's ARN
 * @param version              changes with every change of the stream's configuration
 * @param dataRetentionInHours 0 means live only: fragments are not kept as an archive
 */
public record VideoStreamInfo(String deviceName, String streamName, String streamArn, String mediaType,
                              String kmsKeyId, String version, StreamStatus status, Instant creationTime,
                              int dataRetentionInHours) {
}
