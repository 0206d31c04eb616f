package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.HlsSession;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.hls.PlaybackFragments;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.testmedia.MediaProbe;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifests of an uploaded stream, parsed as XML and checked against the stream and ffprobe. */
class DashManifestTest {

    static final long START = 1_800_000_000_000L;
    private static final String MPD = MpdWriter.MPD_NAMESPACE;
    private static final String KVS = MpdWriter.KVS_NAMESPACE;

    @TempDir
    Path dir;
    Path source;
    StoredStream stream;
    List<FragmentInfo> fragments;

    @BeforeEach
    void upload() {
        source = MkvSamples.h264Aac();
        stream = StoredStream.upload(dir, source, START);
        fragments = stream.log().after(-1, 100);
    }

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void onDemandIsAStaticPresentationOfEveryFragmentAndTrack() {
        Element mpd = parse(DashManifests.manifest(session(HlsSession.Mode.ON_DEMAND, 1000, false), "T", stream.log(),
            START + 60_000));
        FragmentInfo last = fragments.get(fragments.size() - 1);

        assertThat(mpd.getAttribute("type")).isEqualTo("static");
        long first = fragments.get(0).producerTimestampMillis();
        assertThat(mpd.getAttribute("mediaPresentationDuration")).isEqualTo(String.format(Locale.ROOT, "PT%.3fS",
            (last.producerTimestampMillis() + last.durationMillis() - first) / 1000.0));
        assertThat(mpd.hasAttribute("availabilityStartTime")).isFalse();
        assertThat(children(mpd, "Period")).hasSize(1);
        List<Element> sets = all(mpd, "AdaptationSet");
        assertThat(sets).extracting(s -> s.getAttribute("contentType")).containsExactly("video", "audio");
        assertThat(sets).extracting(s -> s.getAttribute("mimeType")).containsExactly("video/mp4", "audio/mp4");

        Element video = first(sets.get(0), "Representation");
        assertThat(video.getAttribute("codecs")).isEqualTo(MediaProbe.codecString(source, "v:0"));
        assertThat(List.of(video.getAttribute("width"), video.getAttribute("height"), video.getAttribute("frameRate")))
            .containsExactly("320", "240", "25");
        Element audio = first(sets.get(1), "Representation");
        assertThat(audio.getAttribute("codecs")).isEqualTo(MediaProbe.codecString(source, "a:0"));
        assertThat(audio.getAttribute("audioSamplingRate")).isEqualTo("48000");
        assertThat(first(audio, "AudioChannelConfiguration").getAttribute("value")).isEqualTo("1");
        long shared = Long.parseLong(video.getAttribute("bandwidth")) + Long.parseLong(audio.getAttribute("bandwidth"));
        assertThat(shared).as("the peak rate, shared").isBetween(PlaybackFragments.peakBitsPerSecond(fragments) - 2,
            PlaybackFragments.peakBitsPerSecond(fragments));
    }

    @Test
    void segmentListsNameEachFragmentOfTheirTrackAndStartAtThePresentationStart() {
        Element mpd = parse(DashManifests.manifest(session(HlsSession.Mode.ON_DEMAND, 1000, false), "T", stream.log(),
            START + 60_000));

        for (Element representation : all(mpd, "Representation")) {
            String track = "&TrackNumber=" + representation.getAttribute("id");
            Element list = first(representation, "SegmentList");
            assertThat(list.getAttribute("timescale")).isEqualTo("1000");
            assertThat(list.getAttribute("presentationTimeOffset"))
                .isEqualTo(Long.toString(fragments.get(0).producerTimestampMillis()));
            assertThat(first(list, "Initialization").getAttribute("sourceURL")).isEqualTo("getMP4InitFragment.mp4"
                + "?FragmentNumber=" + fragments.get(0).fragmentNumber() + "&SessionToken=T" + track);
            assertThat(all(list, "SegmentURL")).extracting(u -> u.getAttribute("media")).containsExactlyElementsOf(
                fragments.stream().map(f -> "getMP4MediaFragment.mp4?FragmentNumber=" + f.fragmentNumber()
                    + "&SessionToken=T" + track).toList());
            List<Element> timeline = all(list, "S");
            assertThat(timeline).extracting(s -> number(s, "t"))
                .containsExactlyElementsOf(fragments.stream().map(FragmentInfo::producerTimestampMillis).toList());
            for (int i = 0; i + 1 < timeline.size(); i++) {
                long end = number(timeline.get(i), "t") + number(timeline.get(i), "d");
                assertThat(end).as("segments do not overlap").isLessThanOrEqualTo(number(timeline.get(i + 1), "t"));
            }
            assertThat(timeline).allSatisfy(s -> assertThat(s.hasAttributeNS(KVS, "fn")).isFalse());
        }
    }

    @Test
    void displayedFragmentNumbersAndTimestampsAreKvsAttributes() {
        Element mpd = parse(DashManifests.manifest(session(HlsSession.Mode.ON_DEMAND, 1000, true), "T", stream.log(),
            START + 60_000));

        List<Element> timeline = all(first(mpd, "AdaptationSet"), "S");
        assertThat(timeline).extracting(s -> s.getAttributeNS(KVS, "fn"))
            .containsExactlyElementsOf(fragments.stream().map(FragmentInfo::fragmentNumber).toList());
        assertThat(timeline).extracting(s -> s.getAttributeNS(KVS, "ts"))
            .containsExactlyElementsOf(fragments.stream().map(f -> Long.toString(f.serverTimestampMillis())).toList());
    }

    @Test
    void liveIsADynamicPresentationOfTheNewestFragmentsOnTheWallClock() {
        long now = fragments.get(fragments.size() - 1).serverTimestampMillis() + 1000;
        Element mpd = parse(DashManifests.manifest(session(HlsSession.Mode.LIVE, 2, false), "T", stream.log(), now));

        assertThat(mpd.getAttribute("type")).isEqualTo("dynamic");
        assertThat(mpd.getAttribute("availabilityStartTime")).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(mpd.getAttribute("minimumUpdatePeriod")).isEqualTo("PT1.000S");
        assertThat(mpd.getAttribute("timeShiftBufferDepth")).matches("PT[0-9]+\\.[0-9]{3}S");
        assertThat(mpd.getAttribute("suggestedPresentationDelay")).matches("PT[0-9]+\\.[0-9]{3}S");
        assertThat(mpd.hasAttribute("mediaPresentationDuration")).isFalse();
        Element list = first(first(mpd, "AdaptationSet"), "SegmentList");
        assertThat(list.hasAttribute("presentationTimeOffset")).isFalse();
        assertThat(all(list, "SegmentURL")).extracting(u -> u.getAttribute("media")).allSatisfy(
            media -> assertThat(fragments.subList(fragments.size() - 2, fragments.size()).stream()
                .anyMatch(f -> media.contains(f.fragmentNumber()))).isTrue()).hasSize(2);
    }

    @Test
    void liveReplayPlaysTheRangeStartWhenTheSessionBegan() {
        long issued = START + 3_600_000;
        DashSession replay = new DashSession("cam", "camera", HlsSession.Mode.LIVE_REPLAY, TimestampKind.PRODUCER,
            START, Long.MAX_VALUE, false, false, 5, issued, issued + 300_000);
        Element mpd = parse(DashManifests.manifest(replay, "T", stream.log(), issued + 10_000));

        assertThat(mpd.getAttribute("type")).isEqualTo("dynamic");
        assertThat(mpd.getAttribute("availabilityStartTime")).isEqualTo("1970-01-01T01:00:00.000Z");
    }

    @Test
    void aSessionWithoutFragmentsHasNoManifest() {
        DashSession before = new DashSession("cam", "camera", HlsSession.Mode.ON_DEMAND, TimestampKind.PRODUCER,
            START - 60_000, START - 1, false, false, 1000, START, START + 300_000);

        assertThatThrownBy(() -> DashManifests.manifest(before, "T", stream.log(), START))
            .isInstanceOfSatisfying(PlaybackException.class,
                e -> assertThat(e.reason()).isEqualTo(PlaybackException.Reason.NO_FRAGMENTS));
    }

    private static DashSession session(HlsSession.Mode mode, int maxFragments, boolean display) {
        return new DashSession("cam", "camera", mode, TimestampKind.SERVER, Long.MIN_VALUE, Long.MAX_VALUE, display,
            display, maxFragments, START, START + 300_000);
    }

    /** The MPD element of a well-formed manifest in the DASH namespace. */
    private static Element parse(String manifest) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(manifest)));
            Element mpd = document.getDocumentElement();
            assertThat(mpd.getNamespaceURI()).isEqualTo(MPD);
            assertThat(mpd.getLocalName()).isEqualTo("MPD");
            return mpd;
        } catch (Exception e) {
            throw new AssertionError("not well-formed:\n" + manifest, e);
        }
    }

    private static List<Element> all(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(MPD, name);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent, String name) {
        return all(parent, name).stream().filter(e -> e.getParentNode() == parent).toList();
    }

    private static long number(Element element, String attribute) {
        return Long.parseLong(element.getAttribute(attribute));
    }

    private static Element first(Element parent, String name) {
        return all(parent, name).get(0);
    }
}
