package dev.freshet.tests.video.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HLS playlist (RFC 8216 and its Low-Latency additions) read line by line: tags, attribute lists,
 * media segments with their parts and program date-times, the parts and preload hint of the segment
 * being received, variant streams of a master playlist. URIs are resolved against the playlist's URI.
 *
 * <p>Immutable; thread-safe.
 */
public record M3u8(URI uri, String text) {
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)");

    /** A media segment: its URI, EXTINF duration, program date-time (if any) and LL-HLS parts. */
    public record Segment(long mediaSequence, URI uri, double durationSeconds, Instant programDateTime,
                          List<Part> parts) {
    }

    /** An LL-HLS part ({@code #EXT-X-PART}). */
    public record Part(URI uri, double durationSeconds, boolean independent) {
    }

    public static M3u8 fetch(URI uri) {
        Http.Response response = Http.ok(uri);
        return new M3u8(uri, response.text());
    }

    public List<String> lines() {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    public boolean isMaster() {
        return text.contains("#EXT-X-STREAM-INF");
    }

    /** The value after {@code NAME:} of the first such tag. */
    public Optional<String> tag(String name) {
        return lines().stream().filter(l -> l.startsWith(name + ":") || l.equals(name))
                .map(l -> l.length() > name.length() ? l.substring(name.length() + 1) : "").findFirst();
    }

    public List<String> tags(String name) {
        return lines().stream().filter(l -> l.startsWith(name + ":") || l.equals(name))
                .map(l -> l.length() > name.length() ? l.substring(name.length() + 1) : "").toList();
    }

    public static Map<String, String> attributes(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(list);
        while (m.find()) {
            String value = m.group(2);
            out.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        return out;
    }

    public URI resolve(String reference) {
        return uri.resolve(reference);
    }

    /** Master playlist: the URI after each {@code #EXT-X-STREAM-INF}, resolved. */
    public List<URI> variants() {
        List<URI> out = new ArrayList<>();
        List<String> lines = lines();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF")) {
                out.add(resolve(lines.get(i + 1)));
            }
        }
        return out;
    }

    /** Master playlist: the URIs of {@code #EXT-X-MEDIA} renditions (e.g. a separate audio playlist). */
    public List<URI> renditions() {
        return tags("#EXT-X-MEDIA").stream().map(M3u8::attributes).filter(a -> a.containsKey("URI"))
                .map(a -> resolve(a.get("URI"))).toList();
    }

    public long mediaSequence() {
        return Long.parseLong(tag("#EXT-X-MEDIA-SEQUENCE").orElse("0"));
    }

    public boolean ended() {
        return text.contains("#EXT-X-ENDLIST");
    }

    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        long sequence = mediaSequence();
        Instant pdt = null;
        double duration = 0;
        List<Part> parts = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                pdt = Instant.parse(normalise(line.substring("#EXT-X-PROGRAM-DATE-TIME:".length())));
            } else if (line.startsWith("#EXT-X-PART:")) {
                parts.add(part(line.substring("#EXT-X-PART:".length())));
            } else if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(line.substring("#EXTINF:".length()).split(",")[0]);
            } else if (!line.startsWith("#")) {
                out.add(new Segment(sequence++, resolve(line), duration, pdt, List.copyOf(parts)));
                pdt = null;
                parts.clear();
            }
        }
        return out;
    }

    /** Parts listed after the last complete segment: the segment still being received. */
    public List<Part> trailingParts() {
        List<Part> parts = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("#EXT-X-PART:")) {
                parts.add(part(line.substring("#EXT-X-PART:".length())));
            } else if (!line.startsWith("#")) {
                parts.clear();
            }
        }
        return parts;
    }

    public Optional<URI> preloadHint() {
        return tag("#EXT-X-PRELOAD-HINT").map(M3u8::attributes).map(a -> resolve(a.get("URI")));
    }

    /** The init segment ({@code #EXT-X-MAP}) URI, if any. */
    public Optional<URI> map() {
        return tag("#EXT-X-MAP").map(M3u8::attributes).map(a -> resolve(a.get("URI")));
    }

    private Part part(String attributeList) {
        Map<String, String> a = attributes(attributeList);
        return new Part(resolve(a.get("URI")), Double.parseDouble(a.get("DURATION")),
                "YES".equals(a.get("INDEPENDENT")));
    }

    /** Program date-times may carry an offset like +00:00 or Z; Instant.parse wants Z. */
    private static String normalise(String dateTime) {
        return java.time.OffsetDateTime.parse(dateTime.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                .toInstant().toString();
    }
}
