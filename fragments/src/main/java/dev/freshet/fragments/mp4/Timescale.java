package dev.freshet.fragments.mp4;

import dev.freshet.fragments.codec.AudioSpecificConfig;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

/**
 * A media clock: ticks per second of one track's timeline (ISO/IEC 14496-12 8.4.2 {@code mdhd}
 * timescale, MPEG-TS's 90 kHz). Every conversion starts from the absolute value, so converting the
 * timestamps of hours of frames one by one never accumulates rounding drift: {@code ticks(t)} is
 * always within half a tick of {@code t}.
 *
 * <p>Immutable; thread-safe.
 *
 * @param ticksPerSecond the clock rate, above 0
 */
public record Timescale(int ticksPerSecond) {

    /** MPEG's 90 kHz clock: the video timescale of every muxer here and all of MPEG-TS. */
    public static final Timescale MPEG = new Timescale(90_000);

    private static final long MICROS_PER_SECOND = 1_000_000;

    public Timescale {
        if (ticksPerSecond <= 0) {
            throw new IllegalArgumentException("timescale must be positive: " + ticksPerSecond);
        }
    }

    /**
     * The timescale a track is written with: 90 kHz for video, 48 kHz for Opus (RFC 7845 decodes at
     * 48 kHz whatever the input rate), the sample rate for AAC (from the AudioSpecificConfig when the
     * track does not say).
     */
    public static Timescale of(Track track) {
        if (track.kind() == MediaKind.VIDEO) {
            return MPEG;
        }
        if (track.codec() == Codec.OPUS) {
            return new Timescale(48_000);
        }
        if (track.sampleRate() > 0) {
            return new Timescale(track.sampleRate());
        }
        return new Timescale(AudioSpecificConfig.parse(track.codecPrivate()).samplingFrequency());
    }

    /** Ticks for an absolute time in microseconds, rounded to the nearest tick (halves up). */
    public long ticks(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        long rest = Math.floorMod(micros, MICROS_PER_SECOND);
        return seconds * ticksPerSecond + (rest * ticksPerSecond + MICROS_PER_SECOND / 2) / MICROS_PER_SECOND;
    }

    /** Microseconds for a tick count, rounded to the nearest microsecond (halves up). */
    public long micros(long ticks) {
        long seconds = Math.floorDiv(ticks, ticksPerSecond);
        long rest = Math.floorMod(ticks, ticksPerSecond);
        return seconds * MICROS_PER_SECOND + (rest * MICROS_PER_SECOND + ticksPerSecond / 2) / ticksPerSecond;
    }

    /**
     * A track's usual frame duration in ticks, for a lone frame whose duration nobody knows: one
     * AAC frame (1024 samples), one 20 ms Opus packet, 1/30 s of video.
     */
    public long defaultFrameTicks(Codec codec) {
        return switch (codec) {
            case AAC -> 1024;
            case OPUS -> ticksPerSecond / 50;
            case H264, H265 -> ticksPerSecond / 30;
        };
    }
}
