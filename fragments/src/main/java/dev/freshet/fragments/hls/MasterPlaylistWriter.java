package dev.freshet.fragments.hls;

import java.util.List;

/**
 * Writes the HLS master playlist of a session: one variant (Freshet never transcodes) with its peak
 * bandwidth, RFC 6381 codecs and resolution, pointing at the media playlist.
 *
 * <p>Stateless; thread-safe.
 */
public final class MasterPlaylistWriter {

    private MasterPlaylistWriter() {
    }

    /**
     * @param bandwidth   peak bits per second of the variant
     * @param codecs      RFC 6381 codec strings of its tracks, e.g. {@code avc1.64001f}, {@code mp4a.40.2}
     * @param width       picture width, 0 when unknown (then RESOLUTION is left out)
     * @param mediaUri    the media playlist, relative to this one
     */
    public static String write(long bandwidth, List<String> codecs, int width, int height, String mediaUri,
                               boolean lowLatency) {
        StringBuilder out = new StringBuilder(256);
        out.append("#EXTM3U\n#EXT-X-VERSION:").append(lowLatency ? 9 : 7).append('\n');
        out.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(1, bandwidth));
        if (!codecs.isEmpty()) {
            out.append(",CODECS=\"").append(String.join(",", codecs)).append('"');
        }
        if (width > 0 && height > 0) {
            out.append(",RESOLUTION=").append(width).append('x').append(height);
        }
        out.append('\n').append(mediaUri).append('\n');
        return out.toString();
    }
}
