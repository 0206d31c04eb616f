package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.media.Frame;

import java.util.Objects;
import java.util.Optional;

/**
 * One H.264 access unit put back together from RTP, in the layout {@code fragments} stores: NAL units
 * each behind a 4-byte big-endian length (AVCC, ISO/IEC 14496-15 5.3.2), access unit delimiters
 * removed, parameter sets and SEI kept in band.
 *
 * <p>Immutable as long as the arrays are not changed.
 *
 * @param rtpTimestamp     the 32-bit RTP timestamp (90 kHz) its packets shared
 * @param keyframe         it holds an IDR slice
 * @param data             the length-prefixed NAL units
 * @param newCodecPrivate  an avcC (4-byte lengths) when this access unit brought SPS/PPS that differ
 *                         from those seen before: the track's CodecPrivate from here on
 */
public record H264AccessUnit(long rtpTimestamp, boolean keyframe, byte[] data, Optional<byte[]> newCodecPrivate) {

    /** The NAL length size of {@link #data} and of the avcC. */
    public static final int LENGTH_SIZE = 4;

    public H264AccessUnit {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(newCodecPrivate, "newCodecPrivate");
    }

    /** The frame of track {@code track}, its time on {@code clock} (duration unknown: the next frame says). */
    public Frame toFrame(int track, RtpClock clock, long arrivalEpochMicros) {
        return new Frame(track, clock.toMicros(rtpTimestamp, arrivalEpochMicros), 0, keyframe, data);
    }
}
