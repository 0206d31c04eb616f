package dev.freshet.fragments.media;

import java.util.Objects;

/**
 * One coded frame (access unit) of one track: the canonical media unit every ingest path produces
 * (MKV blocks from PutMedia, RTP depacketized by WebRTC) and every output muxes (MKV, fMP4, TS,
 * MP4). No decoding or transcoding ever changes {@code data}.
 *
 * <p>Lists of frames are in <b>decode order</b>; {@code timestampMicros} is the presentation
 * timestamp, so with B-frames it is not monotonic along the list. Timestamps are absolute producer
 * time in microseconds since the epoch.
 *
 * @param track           the {@link Track#number()} it belongs to
 * @param timestampMicros presentation time, microseconds since the epoch
 * @param durationMicros  how long it lasts, or 0 when unknown (muxers then use the next frame's time)
 * @param keyframe        an IDR/random access point (always true for audio)
 * @param data            the coded bytes, in the layout {@link Codec} describes
 */
public record Frame(int track, long timestampMicros, long durationMicros, boolean keyframe, byte[] data) {

    public Frame {
        Objects.requireNonNull(data, "data");
        if (durationMicros < 0) {
            throw new IllegalArgumentException("negative duration " + durationMicros);
        }
    }
}
