package dev.freshet.fragments.hls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes an HLS media playlist (RFC 8216, with the Low-Latency extensions of RFC 8216bis §4.4.3–4.4.5)
 * from segments the caller selected: target duration, media and discontinuity sequences, init
 * segments, program date-times, discontinuities, and for live low-latency sessions the parts of the
 * newest segments, the parts of the segment still being received, a preload hint and the server
 * control that allows blocking reloads.
 *
 * <p>Stateless; thread-safe.
 */
public final class MediaPlaylistWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC);

    /** Low-latency additions: the part target, the receiving segment's parts, the next part's URI. */
    public record LowLatency(long partTargetMicros, long receivingSequence, List<PlaylistPart> receivingParts,
                             String preloadHintUri) {
    }

    private MediaPlaylistWriter() {
    }

    public static String write(List<PlaylistSegment> segments, long discontinuitySequence, boolean ended,
                               LowLatency lowLatency) {
        StringBuilder out = new StringBuilder(256 + segments.size() * 160);
        out.append("#EXTM3U\n#EXT-X-VERSION:").append(lowLatency != null ? 9 : 7).append('\n');
        out.append("#EXT-X-TARGETDURATION:").append(targetDuration(segments)).append('\n');
        if (lowLatency != null) {
            double part = seconds(partTarget(lowLatency, segments));
            out.append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=").append(decimal(3 * part)).append('\n');
            out.append("#EXT-X-PART-INF:PART-TARGET=").append(decimal(part)).append('\n');
        }
        long first = segments.isEmpty() ? (lowLatency != null ? lowLatency.receivingSequence() : 0)
            : segments.get(0).mediaSequence();
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        if (ended) {
            out.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        }
        segments.forEach(segment -> segment(out, segment));
        if (lowLatency != null) {
            lowLatency.receivingParts().forEach(part -> part(out, part));
            if (lowLatency.preloadHintUri() != null) {
                out.append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"").append(lowLatency.preloadHintUri()).append("\"\n");
            }
        }
        if (ended) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out.toString();
    }

    private static void segment(StringBuilder out, PlaylistSegment segment) {
        if (segment.discontinuityBefore()) {
            out.append("#EXT-X-DISCONTINUITY\n");
        }
        if (segment.mapUri() != null) {
            out.append("#EXT-X-MAP:URI=\"").append(segment.mapUri()).append("\"\n");
        }
        if (segment.programDateMillis() >= 0) {
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE_TIME.format(Instant.ofEpochMilli(segment.programDateMillis())))
                .append('\n');
        }
        segment.parts().forEach(part -> part(out, part));
        out.append("#EXTINF:").append(decimal(seconds(segment.durationMicros()))).append(",\n");
        out.append(segment.uri()).append('\n');
    }

    private static void part(StringBuilder out, PlaylistPart part) {
        out.append("#EXT-X-PART:DURATION=").append(decimal(seconds(part.durationMicros())))
            .append(",URI=\"").append(part.uri()).append('"');
        if (part.independent()) {
            out.append(",INDEPENDENT=YES");
        }
        out.append('\n');
    }

    /**
     * The Part Target Duration: the plan's target, or the longest listed part where reordered frames
     * made one longer (RFC 8216bis requires every part to be at most the target), in whole
     * milliseconds rounded up so no part's printed duration exceeds the printed target.
     */
    static long partTarget(LowLatency lowLatency, List<PlaylistSegment> segments) {
        long longest = Math.max(lowLatency.partTargetMicros(), Stream.concat(
                segments.stream().flatMap(segment -> segment.parts().stream()), lowLatency.receivingParts().stream())
            .mapToLong(PlaylistPart::durationMicros).max().orElse(0));
        return -Math.floorDiv(-longest, 1000) * 1000;
    }

    /** The longest segment rounded to the nearest second, never below 1 (RFC 8216 4.3.3.1). */
    static long targetDuration(List<PlaylistSegment> segments) {
        long longest = segments.stream().mapToLong(PlaylistSegment::durationMicros).max().orElse(1_000_000);
        return Math.max(1, Math.round(longest / 1_000_000.0));
    }

    private static double seconds(long micros) {
        return micros / 1_000_000.0;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
