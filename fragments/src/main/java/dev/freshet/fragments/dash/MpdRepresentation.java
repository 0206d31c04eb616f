package dev.freshet.fragments.dash;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.codec.CodecStrings;
import dev.freshet.fragments.codec.FrameRate;
import dev.freshet.fragments.codec.TrackFormat;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

/**
 * The Representation of one track, alone in its AdaptationSet: its segments hold that track only
 * ({@link DashMedia}). Described from the track as a fragment holds it: the RFC 6381 codec string,
 * the picture size and nominal frame rate of video, the output rate and channels of audio.
 *
 * <p>Immutable; thread-safe.
 *
 * @param track     the track, its size, rate and channels filled in from its CodecPrivate
 * @param codecs    its RFC 6381 codec string
 * @param bandwidth peak bits per second of its media
 * @param frameRate the nominal frame rate of video, null when unknown (and for audio)
 */
record MpdRepresentation(Track track, String codecs, long bandwidth, FrameRate frameRate) {

    /**
     * @throws PlaybackException UNSUPPORTED_MEDIA when the track's CodecPrivate gives no codec string
     *                           or picture size: DASH players need both before the first segment
     */
    static MpdRepresentation of(Track track, long bandwidth) {
        try {
            Track described = TrackFormat.complete(track);
            return new MpdRepresentation(described, CodecStrings.of(described), bandwidth,
                described.kind() == MediaKind.VIDEO ? FrameRate.of(described).orElse(null) : null);
        } catch (CodecException e) {
            throw new PlaybackException(PlaybackException.Reason.UNSUPPORTED_MEDIA,
                "The codec private data of track " + track.number() + " cannot describe it for MPEG-DASH: "
                    + e.getMessage());
        }
    }

    boolean video() {
        return track.kind() == MediaKind.VIDEO;
    }
}
