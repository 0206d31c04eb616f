package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoStreamInfo;
import dev.freshet.web.protocol.OutputWriter;

/**
 * Writes the members of a {@code StreamInfo} (DescribeStream, ListStreams): absent values are left
 * out, {@code CreationTime} is epoch seconds with milliseconds.
 *
 * <p>Stateless and thread-safe.
 */
final class StreamInfoOutput {

    private StreamInfoOutput() {
    }

    static void write(OutputWriter out, VideoStreamInfo info) {
        out.string("DeviceName", info.deviceName())
            .string("StreamName", info.streamName())
            .string("StreamARN", info.streamArn())
            .string("MediaType", info.mediaType())
            .string("KmsKeyId", info.kmsKeyId())
            .string("Version", info.version())
            .string("Status", info.status().name())
            .timestamp("CreationTime", info.creationTime())
            .number("DataRetentionInHours", info.dataRetentionInHours());
    }
}
