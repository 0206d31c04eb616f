package dev.freshet.fragments.live;

import dev.freshet.fragments.media.Frame;

import java.util.List;

/**
 * A finished LL-HLS partial segment of the fragment being received: its frames and playlist facts.
 *
 * @param index        position within its fragment, from 0
 * @param frames       decode order
 * @param durationMicros presentation span of its video frames (of all its frames without video)
 * @param independent  starts with a video keyframe
 */
public record LivePart(int index, List<Frame> frames, long durationMicros, boolean independent) {
}
