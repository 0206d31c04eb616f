package dev.freshet.bench.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a viewer needs from an HLS media playlist (RFC 8216bis): the init segment, the segments and
 * the LL-HLS parts with their positions, and the preload hint. Positions follow the spec, not
 * Freshet's URIs: segment numbers count from {@code EXT-X-MEDIA-SEQUENCE}; the parts listed before
 * a segment's URI belong to it, numbered from 0; parts after the last segment URI, and the preload
 * hint after them, belong to the next segment.
 *
 * @param mapUri      the first {@code EXT-X-MAP} URI, if any
 * @param segments    complete segments, oldest first
 * @param parts       every listed part, oldest first
 * @param preloadHint the {@code EXT-X-PRELOAD-HINT} part, if any
 */
record MediaPlaylist(Optional<String> mapUri, List<Media> segments, List<Media> parts, Optional<Media> preloadHint) {

    /** A segment ({@code part} -1) or a part of segment {@code msn}, at its URI (relative to the playlist). */
    record Media(long msn, int part, String uri) {

        boolean after(Media other) {
            return msn != other.msn ? msn > other.msn : part > other.part;
        }
    }

    static MediaPlaylist parse(String text) {
        Optional<String> map = Optional.empty();
        List<Media> segments = new ArrayList<>();
        List<Media> parts = new ArrayList<>();
        Optional<Media> hint = Optional.empty();
        long msn = 0;
        int part = 0;
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                msn = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXT-X-MAP:") && map.isEmpty()) {
                map = Optional.of(uri(line));
            } else if (line.startsWith("#EXT-X-PART:")) {
                parts.add(new Media(msn, part++, uri(line)));
            } else if (line.startsWith("#EXT-X-PRELOAD-HINT:") && line.contains("TYPE=PART")) {
                hint = Optional.of(new Media(msn, part, uri(line)));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                segments.add(new Media(msn++, -1, line));
                part = 0;
            }
        }
        return new MediaPlaylist(map, List.copyOf(segments), List.copyOf(parts), hint);
    }

    /** The listed parts after {@code last}, then the preload hint if it is after them too. */
    List<Media> partsAfter(Media last) {
        List<Media> newer = new ArrayList<>();
        for (Media p : parts) {
            if (p.after(last)) {
                newer.add(p);
            }
        }
        Media newest = newer.isEmpty() ? last : newer.get(newer.size() - 1);
        preloadHint.filter(h -> h.after(newest)).ifPresent(newer::add);
        return newer;
    }

    /** The URI attribute of a tag line. */
    private static String uri(String line) {
        int start = line.indexOf("URI=\"");
        if (start < 0) {
            throw new IllegalArgumentException("no URI in " + line);
        }
        int end = line.indexOf('"', start + 5);
        return line.substring(start + 5, end);
    }
}
