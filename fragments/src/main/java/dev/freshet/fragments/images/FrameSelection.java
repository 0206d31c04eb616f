package dev.freshet.fragments.images;

/** Which picture of a fragment answers a requested time. */
public enum FrameSelection {
    /** The frame whose presentation time is nearest, decoding the GOP up to it. */
    NEAREST_FRAME,
    /** Always the fragment's keyframe: one decode per fragment, whatever the times asked. */
    KEYFRAME
}
