package dev.freshet.fragments.video;

import java.util.List;

/**
 * One page of ListStreams.
 *
 * <p>Immutable and thread-safe.
 *
 * @param streams   this page, by stream name
 * @param nextToken where the next page starts, or null on the last page
 */
public record StreamPage(List<VideoStreamInfo> streams, String nextToken) {

    public StreamPage {
        streams = List.copyOf(streams);
    }
}
