package dev.freshet.bench.video;

/**
 * One frame of the sample, ready to send: its SimpleBlock and when, within one pass over the sample,
 * the camera captures it and can send it.
 *
 * @param block               the whole SimpleBlock element; its relative timecode is fixed because a
 *                            replay moves the frame and its Cluster by the same whole milliseconds
 * @param captureOffsetMillis presentation time from the sample's first keyframe
 * @param sendOffsetMillis    when the encoder can hand it over: the latest capture time of the frames
 *                            up to it in decode order (later than its own with B-frames, which wait
 *                            for the frame they reference)
 * @param opensCluster        a video keyframe: a new GOP, so a new Cluster (fragment) starts with it
 * @param clusterOffsetMillis capture offset of the keyframe whose Cluster holds it
 */
record SampleFrame(byte[] block, long captureOffsetMillis, long sendOffsetMillis, boolean opensCluster,
                   long clusterOffsetMillis) {
}
