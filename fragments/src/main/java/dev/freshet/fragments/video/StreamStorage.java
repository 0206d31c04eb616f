package dev.freshet.fragments.video;

/** DescribeStreamStorageConfiguration's answer: the stream and its {@code DefaultStorageTier}.
 *
 * <p>Immutable and thread-safe.
 */
public record StreamStorage(String streamName, String streamArn, StorageTier defaultStorageTier) {
}
