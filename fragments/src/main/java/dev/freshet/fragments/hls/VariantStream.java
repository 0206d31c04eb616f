package dev.freshet.fragments.hls;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.codec.CodecStrings;
import dev.freshet.fragments.codec.TrackFormat;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.List;

/**
 * The one variant of a master playlist ({@code #EXT-X-STREAM-INF}, RFC 8216 4.3.4.2), described
 * from the tracks its segments carry.
 *
 * <p>CODECS lists every track's RFC 6381 string, or is left out when a track's configuration gives
 * none (H.264 whose parameter sets only come in-band, a damaged config): the attribute must name
 * every format present, and a partial list would tell players that a track is not there.
 * RESOLUTION is the first video track's picture size. Immutable; thread-safe.
 *
 * @param bandwidth peak bits per second
 * @param codecs    RFC 6381 codec strings, empty when unknown
 * @param width     pixels, 0 when unknown or audio only
 * @param height    pixels, 0 when unknown or audio only
 */
record VariantStream(long bandwidth, List<String> codecs, int width, int height) {

    static VariantStream of(List<Track> tracks, long bandwidth) {
        Track video = tracks.stream().filter(t -> t.kind() == MediaKind.VIDEO).findFirst().orElse(null);
        Track sized = video == null ? null : sized(video);
        return new VariantStream(bandwidth, codecs(tracks), sized == null ? 0 : sized.width(),
            sized == null ? 0 : sized.height());
    }

    private static List<String> codecs(List<Track> tracks) {
        List<String> codecs = new ArrayList<>(tracks.size());
        try {
            for (Track track : tracks) {
                codecs.add(CodecStrings.of(track));
            }
        } catch (CodecException unknown) {
            return List.of();
        }
        return codecs;
    }

    /** The track with the size its parameter sets give where the producer gave none; null when unreadable. */
    private static Track sized(Track video) {
        try {
            return TrackFormat.complete(video);
        } catch (CodecException unreadable) {
            return null;
        }
    }
}
