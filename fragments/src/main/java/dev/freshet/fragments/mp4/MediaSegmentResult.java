package dev.freshet.fragments.mp4;

/**
 * A CMAF media segment or LL-HLS partial segment made by {@link FragmentedMp4#mediaSegment}.
 *
 * @param bytes          [styp] moof mdat, ready to serve
 * @param independent    whether it can be decoded without earlier segments: its first video frame
 *                       is a keyframe (always true without video) — LL-HLS {@code INDEPENDENT=YES}
 * @param startMicros    the earliest presentation time of its frames, microseconds since the epoch
 * @param durationMicros how long it plays: the decode-time span of its main track (the first video
 *                       track, else the first track with frames) — an {@code EXTINF} or part
 *                       {@code DURATION}
 */
public record MediaSegmentResult(byte[] bytes, boolean independent, long startMicros, long durationMicros) {
}
