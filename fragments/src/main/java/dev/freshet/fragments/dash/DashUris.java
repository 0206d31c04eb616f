package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.HlsUris;

/**
 * The relative URLs of a DASH session's resources, shaped like the service's: the manifest
 * {@code getDASHManifest.mpd?SessionToken=…} and, next to it, the fMP4 init and media segments —
 * the resources HLS fMP4 sessions use ({@link HlsUris}), narrowed to one track by
 * {@code TrackNumber} because each track is a Representation of its own ({@link DashMedia}):
 *
 * <pre>
 *   getMP4InitFragment.mp4?FragmentNumber=…&amp;SessionToken=…&amp;TrackNumber=1
 *   getMP4MediaFragment.mp4?FragmentNumber=…&amp;SessionToken=…&amp;TrackNumber=1
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class DashUris {

    public static final String MANIFEST = "getDASHManifest.mpd";
    /** The query parameter naming the track of an init or media segment. */
    public static final String TRACK_NUMBER = "TrackNumber";

    private DashUris() {
    }

    public static String manifest(String token) {
        return MANIFEST + "?SessionToken=" + token;
    }

    /** The init segment of a track, as that fragment describes it. */
    public static String init(String token, String fragmentNumber, int trackNumber) {
        return HlsUris.init(token, fragmentNumber) + "&" + TRACK_NUMBER + "=" + trackNumber;
    }

    /** The media segment of a track's frames in that fragment. */
    public static String fragment(String token, String fragmentNumber, int trackNumber) {
        return HlsUris.fragment(HlsSession.Container.FRAGMENTED_MP4, token, fragmentNumber) + "&" + TRACK_NUMBER + "="
            + trackNumber;
    }
}
