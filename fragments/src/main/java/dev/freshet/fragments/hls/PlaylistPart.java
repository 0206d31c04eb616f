package dev.freshet.fragments.hls;

/** An LL-HLS partial segment line ({@code #EXT-X-PART}). */
public record PlaylistPart(String uri, long durationMicros, boolean independent) {
}
