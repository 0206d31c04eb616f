package dev.freshet.tests.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.video.support.FfProbe;
import dev.freshet.tests.video.support.FfmpegPublisher;
import dev.freshet.tests.video.support.GetMediaSession;
import dev.freshet.tests.video.support.MediaFragment;
import dev.freshet.tests.video.support.MediaSamples;
import dev.freshet.tests.video.support.MediaSamples.Media;
import dev.freshet.tests.video.support.MediaSamples.Sample;
import dev.freshet.tests.video.support.Mkv;
import dev.freshet.tests.video.support.VideoServer;
import dev.freshet.tests.video.support.VideoServer.VideoStream;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelector;
import software.amazon.awssdk.services.kinesisvideomedia.model.StartSelectorType;

/**
 * GetMedia through {@code KinesisVideoMediaClient.getMedia} (a streaming response read fragment by
 * fragment, then closed): every StartSelectorType starts where the reference says, each fragment comes
 * as Matroska that ffprobe reads (codec, size, one GOP of frames) with the {@code AWS_KINESISVIDEO_*}
 * tags (fragment number, server and producer timestamps, millis behind now, continuation token)
 * matching ListFragments, and NOW tails a live producer.
 */
class GetMediaTest {
    private static final Duration NEXT = Duration.ofSeconds(10);

    @RegisterExtension
    static final VideoServer server = new VideoServer();

    private static Media media;
    private static VideoStream archived;
    private static long start;
    private static List<Fragment> fragments;

    @BeforeAll
    static void publishASample() {
        media = MediaSamples.get(Sample.H264_AAC);
        archived = server.createStream("get-media");
        start = System.currentTimeMillis() - 60_000;
        fragments = server.publish(archived.name(), media, start);
    }

    @Test
    void earliestReturnsEveryFragmentAsTaggedMatroska() {
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.EARLIEST))) {
            List<MediaFragment> got = session.next(fragments.size(), NEXT);
            assertThat(session.contentType()).as("Content-Type of GetMedia").isNotBlank();
            for (int i = 0; i < fragments.size(); i++) {
                assertFragment(got.get(i), fragments.get(i), media.clusters().get(i));
            }
            assertThat(got).extracting(f -> f.tags().get(MediaFragment.CONTINUATION_TOKEN)).allSatisfy(t ->
                    assertThat(t).as("AWS_KINESISVIDEO_CONTINUATION_TOKEN").isNotBlank()
                            .matches("[a-zA-Z0-9_.-]+").hasSizeLessThanOrEqualTo(128));
            assertThat(got).extracting(f -> Long.parseLong(f.tags().get(MediaFragment.MILLIS_BEHIND_NOW)))
                    .as("AWS_KINESISVIDEO_MILLIS_BEHIND_NOW of archived fragments").allSatisfy(m ->
                            assertThat(m).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void fragmentNumberStartsAtThatFragment() {
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.FRAGMENT_NUMBER)
                .afterFragmentNumber(fragments.get(2).fragmentNumber()))) {
            assertThat(numbers(session.next(3, NEXT))).containsExactlyElementsOf(numbers(fragments, 2, 5));
        }
    }

    @Test
    void producerTimestampStartsAtTheFragmentHoldingIt() {
        Instant inFourth = fragments.get(3).producerTimestamp().plusMillis(500);
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.PRODUCER_TIMESTAMP)
                .startTimestamp(inFourth))) {
            assertThat(numbers(session.next(2, NEXT))).containsExactlyElementsOf(numbers(fragments, 3, 5));
        }
    }

    @Test
    void serverTimestampStartsAtTheFragmentHoldingIt() {
        Instant fourth = fragments.get(3).serverTimestamp();
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.SERVER_TIMESTAMP)
                .startTimestamp(fourth))) {
            assertThat(numbers(session.next(2, NEXT))).containsExactlyElementsOf(numbers(fragments, 3, 5));
        }
    }

    @Test
    void continuationTokenResumesAfterTheLastFragmentRead() {
        String token;
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.EARLIEST))) {
            token = session.next(2, NEXT).get(1).tags().get(MediaFragment.CONTINUATION_TOKEN);
        }
        try (GetMediaSession session = open(s -> s.startSelectorType(StartSelectorType.CONTINUATION_TOKEN)
                .continuationToken(token))) {
            assertThat(numbers(session.next(2, NEXT))).as("fragments after the continuation token of the second")
                    .containsExactlyElementsOf(numbers(fragments, 2, 4));
        }
    }

    @Test
    void nowTailsALiveProducer() {
        Media live = MediaSamples.get(Sample.LIVE_H264_AAC);
        VideoStream stream = server.createStream("get-media-now");
        long liveStart = System.currentTimeMillis();
        try (FfmpegPublisher ffmpeg = FfmpegPublisher.publish(live.file()).streamName(stream.name())
                .relative(liveStart).realTime().start(server.endpoint())) {
            List<Fragment> before = server.awaitAtLeast(stream.name(), 2, Duration.ofSeconds(15));
            BigInteger latestBefore = new BigInteger(before.get(before.size() - 1).fragmentNumber());
            try (GetMediaSession session = GetMediaSession.open(server.media(stream.name()), b -> b
                    .streamName(stream.name()).startSelector(s -> s.startSelectorType(StartSelectorType.NOW)))) {
                List<MediaFragment> tail = session.next(3, Duration.ofSeconds(5));
                Instant received = Instant.now();
                assertThat(tail).extracting(f -> new BigInteger(f.fragmentNumber()))
                        .as("NOW starts at the latest fragment or the next to arrive").isSorted()
                        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(latestBefore));
                assertThat(tail).extracting(f -> f.timestampMillis(MediaFragment.PRODUCER_TIMESTAMP) - liveStart)
                        .as("producer timestamps of consecutive live fragments, relative to the start")
                        .allSatisfy(t -> assertThat(live.clusters().stream().map(Mkv.Cluster::timecodeMillis))
                                .contains(t))
                        .isSorted();
                MediaFragment last = tail.get(tail.size() - 1);
                assertThat(Long.parseLong(last.tags().get(MediaFragment.MILLIS_BEHIND_NOW)))
                        .as("AWS_KINESISVIDEO_MILLIS_BEHIND_NOW while tailing").isBetween(0L, 3000L);
                assertThat(received.toEpochMilli() - last.timestampMillis(MediaFragment.PRODUCER_TIMESTAMP))
                        .as("a tailing reader gets a 1 s fragment within a few seconds of its start").isLessThan(5000);
                assertThat(FfProbe.probe(last.writeTemp()).video().frames()).isEqualTo(live.fps());
            }
        }
    }

    private static void assertFragment(MediaFragment got, Fragment listed, Mkv.Cluster sent) {
        String what = "GetMedia fragment " + listed.fragmentNumber();
        assertThat(got.fragmentNumber()).as("%s: AWS_KINESISVIDEO_FRAGMENT_NUMBER", what)
                .isEqualTo(listed.fragmentNumber());
        assertThat(got.timestampMillis(MediaFragment.PRODUCER_TIMESTAMP)).as("%s: AWS_KINESISVIDEO_PRODUCER_TIMESTAMP", what)
                .isEqualTo(listed.producerTimestamp().toEpochMilli());
        assertThat(got.timestampMillis(MediaFragment.SERVER_TIMESTAMP)).as("%s: AWS_KINESISVIDEO_SERVER_TIMESTAMP", what)
                .isEqualTo(listed.serverTimestamp().toEpochMilli());
        assertThat(got.mkv().clusters().get(0).frameSizesPerTrack()).as("%s: the frames sent, unchanged", what)
                .isEqualTo(sent.frameSizesPerTrack());
        FfProbe.Probe probe = FfProbe.probe(got.writeTemp());
        assertThat(probe.video().codecName()).as("%s: video codec", what).isEqualTo("h264");
        assertThat(probe.video().width()).isEqualTo(media.width());
        assertThat(probe.video().height()).isEqualTo(media.height());
        assertThat(probe.video().frames()).as("%s: decoded frames", what).isEqualTo(sent.videoFrames(media.videoTrack()));
        assertThat(probe.audio()).as("%s: audio track", what).hasValueSatisfying(a ->
                assertThat(a.codecName()).isEqualTo("aac"));
    }

    private static GetMediaSession open(Consumer<StartSelector.Builder> selector) {
        return GetMediaSession.open(server.media(archived.name()), b -> b.streamName(archived.name())
                .startSelector(selector));
    }

    private static List<String> numbers(List<MediaFragment> got) {
        return got.stream().map(MediaFragment::fragmentNumber).toList();
    }

    private static List<String> numbers(List<Fragment> listed, int from, int to) {
        return listed.subList(from, to).stream().map(Fragment::fragmentNumber).toList();
    }
}
