package dev.freshet.fragments.dash;

import dev.freshet.fragments.media.Track;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes an MPEG-DASH manifest (ISO/IEC 23009-1 MPD, main profile) of one Period with one
 * AdaptationSet per track, each holding the one Representation of that track, its segments in a
 * SegmentList:
 *
 * <pre>
 *   MPD (static: mediaPresentationDuration | dynamic: availabilityStartTime, publishTime,
 *        minimumUpdatePeriod, timeShiftBufferDepth, suggestedPresentationDelay), minBufferTime
 *    └ Period start=PT0S
 *       └ AdaptationSet per track: id = track number, contentType, mimeType
 *          └ Representation bandwidth, codecs, video: width height [frameRate] | audio: audioSamplingRate
 *             ├ AudioChannelConfiguration (23003-3 scheme)
 *             └ SegmentList timescale=1000 [presentationTimeOffset]
 *                ├ Initialization sourceURL
 *                ├ SegmentTimeline └ S t d [kvs:fn] [kvs:ts] per segment
 *                └ SegmentURL media per segment
 * </pre>
 *
 * <p>Every track has the same SegmentTimeline, the fragments' own. {@code kvs:fn} and
 * {@code kvs:ts} are the service's extension attributes on {@code S} (DisplayFragmentNumber /
 * DisplayFragmentTimestamp); the service does not publish their namespace URI, so Freshet declares
 * its own for the {@code kvs} prefix that players look for. Stateless; thread-safe.
 */
final class MpdWriter {

    static final String MPD_NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";
    static final String KVS_NAMESPACE = "urn:freshet:kvs";
    private static final String PROFILE = "urn:mpeg:dash:profile:isoff-main:2011";
    private static final String CHANNEL_SCHEME = "urn:mpeg:dash:23003:3:audio_channel_configuration:2011";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC);
    /** Players should reload a live manifest about every second (the service's advice for its players). */
    private static final long UPDATE_PERIOD_MILLIS = 1000;
    /** Live players start this many of the longest segments behind the newest, as HLS players do (RFC 8216 6.3.3). */
    private static final int DELAY_SEGMENTS = 3;

    private MpdWriter() {
    }

    /**
     * The manifest.
     *
     * @param initFragment the fragment whose tracks the init segments describe
     * @param segments     in presentation order, at least one
     */
    static String write(MpdTimeline timeline, List<MpdRepresentation> representations, String token,
                        String initFragment, List<MpdSegment> segments) {
        StringBuilder out = new StringBuilder(1024 + representations.size() * segments.size() * 400);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        mpd(out, timeline, segments);
        out.append("  <Period id=\"0\" start=\"PT0S\">\n");
        for (MpdRepresentation representation : representations) {
            int track = representation.track().number();
            out.append("    <AdaptationSet");
            attribute(out, "id", Integer.toString(track));
            attribute(out, "contentType", representation.video() ? "video" : "audio");
            attribute(out, "mimeType", representation.video() ? "video/mp4" : "audio/mp4");
            out.append(" segmentAlignment=\"true\" startWithSAP=\"1\">\n");
            representation(out, representation);
            segmentList(out, timeline, DashUris.init(token, initFragment, track), segments, token, track);
            out.append("      </Representation>\n    </AdaptationSet>\n");
        }
        out.append("  </Period>\n</MPD>\n");
        return out.toString();
    }

    private static void mpd(StringBuilder out, MpdTimeline timeline, List<MpdSegment> segments) {
        boolean kvs = segments.stream().anyMatch(s -> s.showFragmentNumber() || s.timestampMillis() >= 0);
        long longest = segments.stream().mapToLong(MpdSegment::durationMillis).max().orElse(0);
        out.append("<MPD xmlns=\"").append(MPD_NAMESPACE).append('"');
        if (kvs) {
            out.append(" xmlns:kvs=\"").append(KVS_NAMESPACE).append('"');
        }
        attribute(out, "profiles", PROFILE);
        attribute(out, "type", timeline.dynamic() ? "dynamic" : "static");
        if (timeline.dynamic()) {
            attribute(out, "availabilityStartTime", dateTime(timeline.availabilityStartMillis()));
            attribute(out, "publishTime", dateTime(timeline.publishMillis()));
            attribute(out, "minimumUpdatePeriod", duration(UPDATE_PERIOD_MILLIS));
            attribute(out, "timeShiftBufferDepth", duration(span(segments)));
            attribute(out, "suggestedPresentationDelay", duration(DELAY_SEGMENTS * longest));
        } else {
            long presented = end(segments) - timeline.presentationTimeOffsetMillis();
            attribute(out, "mediaPresentationDuration", duration(presented));
        }
        attribute(out, "minBufferTime", duration(longest));
        out.append(">\n");
    }

    private static void representation(StringBuilder out, MpdRepresentation representation) {
        Track track = representation.track();
        out.append("      <Representation");
        attribute(out, "id", Integer.toString(track.number()));
        attribute(out, "bandwidth", Long.toString(representation.bandwidth()));
        attribute(out, "codecs", representation.codecs());
        if (representation.video()) {
            attribute(out, "width", Integer.toString(track.width()));
            attribute(out, "height", Integer.toString(track.height()));
            if (representation.frameRate() != null) {
                attribute(out, "frameRate", representation.frameRate().toString());
            }
        } else if (track.sampleRate() > 0) {
            attribute(out, "audioSamplingRate", Integer.toString(track.sampleRate()));
        }
        out.append(">\n");
        if (!representation.video() && track.channels() > 0) {
            out.append("        <AudioChannelConfiguration");
            attribute(out, "schemeIdUri", CHANNEL_SCHEME);
            attribute(out, "value", Integer.toString(track.channels()));
            out.append("/>\n");
        }
    }

    private static void segmentList(StringBuilder out, MpdTimeline timeline, String initUrl, List<MpdSegment> segments,
                                    String token, int track) {
        out.append("        <SegmentList timescale=\"1000\"");
        if (timeline.presentationTimeOffsetMillis() != 0) {
            attribute(out, "presentationTimeOffset", Long.toString(timeline.presentationTimeOffsetMillis()));
        }
        out.append(">\n          <Initialization");
        attribute(out, "sourceURL", initUrl);
        out.append("/>\n          <SegmentTimeline>\n");
        for (MpdSegment segment : segments) {
            out.append("            <S");
            attribute(out, "t", Long.toString(segment.startMillis()));
            attribute(out, "d", Long.toString(segment.durationMillis()));
            if (segment.showFragmentNumber()) {
                attribute(out, "kvs:fn", segment.fragmentNumber());
            }
            if (segment.timestampMillis() >= 0) {
                attribute(out, "kvs:ts", Long.toString(segment.timestampMillis()));
            }
            out.append("/>\n");
        }
        out.append("          </SegmentTimeline>\n");
        for (MpdSegment segment : segments) {
            out.append("          <SegmentURL");
            attribute(out, "media", DashUris.fragment(token, segment.fragmentNumber(), track));
            out.append("/>\n");
        }
        out.append("        </SegmentList>\n");
    }

    private static long end(List<MpdSegment> segments) {
        MpdSegment last = segments.get(segments.size() - 1);
        return last.startMillis() + last.durationMillis();
    }

    private static long span(List<MpdSegment> segments) {
        return end(segments) - segments.get(0).startMillis();
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    private static String dateTime(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** An xs:duration of whole milliseconds. */
    private static String duration(long millis) {
        return String.format(Locale.ROOT, "PT%.3fS", Math.max(0, millis) / 1000.0);
    }
}
