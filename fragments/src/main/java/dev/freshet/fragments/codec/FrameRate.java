package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;

import java.util.Optional;

/**
 * A video track's nominal frame rate as its configuration states it, exact, for manifests (DASH
 * {@code @frameRate}, FrameRateType {@code [0-9]+(/[0-9]+)?}):
 *
 * <pre>
 *   H.264  VUI timing_info of the first SPS (E.2.1): time_scale / (2 × num_units_in_tick),
 *          a frame lasting two ticks           e.g. 50 / (2 × 1) = 25, 60000 / (2 × 1001) = 30000/1001
 *   H.265  avgFrameRate of the hvcC (ISO/IEC 14496-15 8.3.3.1): frames per 256 s, 0 unspecified
 * </pre>
 *
 * <p>Unknown (empty) for audio, for configurations that leave it out and for tracks without
 * CodecPrivate. Immutable; thread-safe.
 *
 * @param numerator   frames, in lowest terms with the denominator
 * @param denominator seconds
 */
public record FrameRate(long numerator, long denominator) {

    private static final int HEVC_RATE_SECONDS = 256;

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    /** The frame rate the track's CodecPrivate states, if any. */
    public static Optional<FrameRate> of(Track track) {
        byte[] config = track.codecPrivate();
        if (config.length == 0) {
            return Optional.empty();
        }
        if (track.codec() == Codec.H264) {
            return H264ParameterSets.fromCodecPrivate(config).firstSps().timing()
                .filter(t -> t.numUnitsInTick() > 0 && t.timeScale() > 0)
                .map(t -> new FrameRate(t.timeScale(), 2 * t.numUnitsInTick()));
        }
        if (track.codec() == Codec.H265 && !AnnexB.startsWithStartCode(config)) {
            int perPeriod = HevcDecoderConfig.parse(config).avgFrameRate();
            return perPeriod == 0 ? Optional.empty() : Optional.of(new FrameRate(perPeriod, HEVC_RATE_SECONDS));
        }
        return Optional.empty();
    }

    /** {@code 25}, or {@code 30000/1001} when the rate is not whole. */
    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
