package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;

import java.util.List;

/**
 * The picture size or the audio format a track's CodecPrivate implies: the display size of the
 * first SPS (H.264 from an avcC, or Annex B parameter sets as some producers and WebRTC give them;
 * H.265 from an hvcC), the output rate and channels of an AAC AudioSpecificConfig, the channels of
 * an OpusHead (Opus always decodes at 48 kHz).
 *
 * <p>Used when a producer's Matroska track lacks its Video or Audio element, and to describe tracks
 * whose parameter sets arrive in-band. Immutable; thread-safe.
 *
 * @param width      pixels, 0 for audio
 * @param height     pixels, 0 for audio
 * @param sampleRate Hz, 0 for video
 * @param channels   0 for video, and for AAC whose channels a program config element defines
 */
public record TrackFormat(int width, int height, int sampleRate, int channels) {

    private static final int OPUS_DECODE_RATE = 48_000;

    /** What {@code codecPrivate} says of a {@code codec} track. */
    public static TrackFormat of(Codec codec, byte[] codecPrivate) {
        if (codecPrivate.length == 0) {
            throw CodecException.missing(codec + " track without CodecPrivate");
        }
        return switch (codec) {
            case H264 -> video(H264ParameterSets.fromCodecPrivate(codecPrivate).firstSps());
            case H265 -> video(h265Sps(codecPrivate));
            case AAC -> audio(AudioSpecificConfig.parse(codecPrivate));
            case OPUS -> new TrackFormat(0, 0, OPUS_DECODE_RATE, OpusHead.parse(codecPrivate).channels());
        };
    }

    /**
     * The track with its zero size, rate or channel fields filled in from its CodecPrivate; fields
     * the producer set are kept. The track as it is when it has no CodecPrivate.
     */
    public static Track complete(Track track) {
        if (track.codecPrivate().length == 0) {
            return track;
        }
        TrackFormat format = of(track.codec(), track.codecPrivate());
        return new Track(track.number(), track.codec(), track.codecPrivate(), orElse(track.width(), format.width),
            orElse(track.height(), format.height), orElse(track.sampleRate(), format.sampleRate),
            orElse(track.channels(), format.channels), track.name());
    }

    private static H265Sps h265Sps(byte[] codecPrivate) {
        if (!AnnexB.startsWithStartCode(codecPrivate)) {
            return HevcDecoderConfig.parse(codecPrivate).firstSps();
        }
        List<NalUnit> sps = AnnexB.split(codecPrivate).stream().filter(n -> n.h265Type() == H265Nals.SPS).toList();
        if (sps.isEmpty()) {
            throw CodecException.missing("no H.265 SPS in Annex B CodecPrivate");
        }
        return H265Sps.parse(sps.get(0));
    }

    private static TrackFormat video(H264Sps sps) {
        return new TrackFormat(sps.width(), sps.height(), 0, 0);
    }

    private static TrackFormat video(H265Sps sps) {
        return new TrackFormat(sps.width(), sps.height(), 0, 0);
    }

    private static TrackFormat audio(AudioSpecificConfig config) {
        return new TrackFormat(0, 0, config.sampleRate(), config.channels());
    }

    private static int orElse(int given, int derived) {
        return given != 0 ? given : derived;
    }
}
