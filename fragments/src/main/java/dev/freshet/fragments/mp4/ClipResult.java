package dev.freshet.fragments.mp4;

/**
 * What {@link Mp4ClipWriter#write} wrote.
 *
 * @param bytesWritten   the size of the MP4 file
 * @param startMicros    presentation time of the clip's earliest frame, microseconds since the epoch
 * @param durationMicros from that frame to the end of the last one
 */
public record ClipResult(long bytesWritten, long startMicros, long durationMicros) {
}
