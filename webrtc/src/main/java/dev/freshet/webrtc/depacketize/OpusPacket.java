package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.media.Frame;

import java.util.Objects;

/**
 * One Opus packet taken from RTP (RFC 7587 4.2: the payload is exactly one Opus packet), with the
 * duration its TOC byte gives. Immutable as long as {@code data} is not changed.
 *
 * @param rtpTimestamp   the 32-bit RTP timestamp (48 kHz)
 * @param durationMicros how long it plays
 * @param data           the Opus packet, as {@code fragments} stores Opus frames
 */
public record OpusPacket(long rtpTimestamp, long durationMicros, byte[] data) {

    public OpusPacket {
        Objects.requireNonNull(data, "data");
    }

    /** The frame of track {@code track}, its time on {@code clock}; every Opus frame is a keyframe. */
    public Frame toFrame(int track, RtpClock clock, long arrivalEpochMicros) {
        return new Frame(track, clock.toMicros(rtpTimestamp, arrivalEpochMicros), durationMicros, true, data);
    }
}
