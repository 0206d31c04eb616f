package dev.freshet.fragments.archive;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.datastreams.tokens.TokenCodec;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.images.ImageExtractor;
import dev.freshet.fragments.images.ImageOptions;
import dev.freshet.fragments.images.ImageResult;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.TimestampKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GetImages: pictures of a stream at evenly spaced times of a window (or, without a sampling
 * interval, one per fragment keyframe), paged with sealed NextTokens. Each time that falls in a
 * stored fragment gets a picture decoded from that fragment (or a media error); a time in a gap
 * gets none ({@code NO_MEDIA}). The times of one fragment are decoded together, so every frame is
 * decoded at most once per page.
 *
 * <p>Thread-safe. Calls block while pictures are decoded.
 */
public final class ImageSampling {

    /** The service's limits: a window of at most 300 s, samples at least 200 ms apart, pages of 25. */
    public static final long MAX_WINDOW_MILLIS = 300_000;
    public static final long MIN_INTERVAL_MILLIS = 200;
    public static final int DEFAULT_MAX_RESULTS = 25;
    private static final byte PURPOSE = 'I';

    private final ImageExtractor extractor;
    private final SealedTokens tokens;

    public ImageSampling(ImageExtractor extractor, SealedTokens tokens) {
        this.extractor = extractor;
        this.tokens = tokens;
    }

    /**
     * What to sample.
     *
     * @param intervalMillis null: one picture per fragment keyframe in the window
     * @param maxResults     null: {@link #DEFAULT_MAX_RESULTS}
     * @param nextToken      the previous page's token, or null
     */
    public record Request(TimestampKind kind, long startMillis, long endMillis, Long intervalMillis,
                          ImageOptions options, Integer maxResults, String nextToken) {
    }

    /** One sample: a picture, a media error, or nothing stored there ({@code result} empty: NO_MEDIA). */
    public record Sample(long timestampMillis, Optional<ImageResult> result) {
    }

    public record Page(List<Sample> samples, String nextToken) {
    }

    public Page sample(String streamId, FragmentLog log, Request request) {
        Window window = request.nextToken() == null ? validated(request) : open(request.nextToken(), streamId);
        int max = request.maxResults() == null ? DEFAULT_MAX_RESULTS : request.maxResults();
        Planned planned = window.intervalMillis() > 0 ? evenlySpaced(log, window, max) : keyframes(log, window, max);
        List<Sample> samples = decode(log, window.kind(), planned.placements(), request.options());
        String next = planned.resumeMillis() == null ? null
            : issue(streamId, new Window(window.kind(), planned.resumeMillis(), window.endMillis(),
                window.intervalMillis()));
        return new Page(samples, next);
    }

    /** The part of the request a NextToken carries: the rest of the window from {@code startMillis}. */
    private record Window(TimestampKind kind, long startMillis, long endMillis, long intervalMillis) {
    }

    /** A time to sample and the fragment holding it (null: none). */
    private record Placement(long timestampMillis, FragmentInfo fragment) {
    }

    /** @param resumeMillis where the next page starts, null when this page ends the window */
    private record Planned(List<Placement> placements, Long resumeMillis) {
    }

    private static Window validated(Request request) {
        if (request.startMillis() > request.endMillis()) {
            throw invalid("The StartTimestamp must be before the EndTimestamp.");
        }
        if (request.endMillis() - request.startMillis() > MAX_WINDOW_MILLIS) {
            throw invalid("The time range between StartTimestamp and EndTimestamp must not exceed 300 seconds.");
        }
        Long interval = request.intervalMillis();
        if (interval != null && interval < MIN_INTERVAL_MILLIS) {
            throw invalid("The SamplingInterval must be at least 200 milliseconds.");
        }
        return new Window(request.kind(), request.startMillis(), request.endMillis(), interval == null ? 0 : interval);
    }

    private static Planned evenlySpaced(FragmentLog log, Window window, int max) {
        List<Placement> placements = new ArrayList<>();
        List<FragmentInfo> candidates = log.list(window.kind(), window.startMillis() - Clips.LONGEST_FRAGMENT_MILLIS,
            window.endMillis(), -1, Integer.MAX_VALUE);
        long time = window.startMillis();
        for (; time <= window.endMillis() && placements.size() < max; time += window.intervalMillis()) {
            placements.add(new Placement(time, holding(candidates, window.kind(), time)));
        }
        return new Planned(placements, time <= window.endMillis() ? time : null);
    }

    private static Planned keyframes(FragmentLog log, Window window, int max) {
        List<FragmentInfo> fragments = log.list(window.kind(), window.startMillis(), window.endMillis(), -1, max + 1);
        List<Placement> placements = new ArrayList<>();
        for (FragmentInfo fragment : fragments.subList(0, Math.min(max, fragments.size()))) {
            placements.add(new Placement(fragment.timestamp(window.kind()), fragment));
        }
        Long resume = fragments.size() > max ? fragments.get(max).timestamp(window.kind()) : null;
        return new Planned(placements, resume);
    }

    /** The fragment whose span holds {@code time}; the latest one wins where spans overlap. */
    private static FragmentInfo holding(List<FragmentInfo> candidates, TimestampKind kind, long time) {
        FragmentInfo found = null;
        for (FragmentInfo fragment : candidates) {
            long start = fragment.timestamp(kind);
            if (start > time) {
                break;
            }
            if (time < start + Math.max(1, fragment.durationMillis())) {
                found = fragment;
            }
        }
        return found;
    }

    private List<Sample> decode(FragmentLog log, TimestampKind kind, List<Placement> placements, ImageOptions options) {
        Map<Long, List<Placement>> byFragment = new LinkedHashMap<>();
        for (Placement placement : placements) {
            if (placement.fragment() != null) {
                byFragment.computeIfAbsent(placement.fragment().sequence(), s -> new ArrayList<>()).add(placement);
            }
        }
        Map<Long, ImageResult> pictures = new LinkedHashMap<>();
        byFragment.values().forEach(group -> decodeGroup(log, kind, group, options, pictures));
        List<Sample> samples = new ArrayList<>(placements.size());
        for (Placement placement : placements) {
            samples.add(new Sample(placement.timestampMillis(),
                Optional.ofNullable(pictures.get(placement.timestampMillis()))));
        }
        return samples;
    }

    private void decodeGroup(FragmentLog log, TimestampKind kind, List<Placement> group, ImageOptions options,
                             Map<Long, ImageResult> pictures) {
        FragmentInfo info = group.get(0).fragment();
        Optional<Fragment> fragment = log.read(info.sequence());
        Optional<Track> video = fragment.flatMap(f -> f.tracks().stream()
            .filter(track -> track.kind() == MediaKind.VIDEO).findFirst());
        if (fragment.isEmpty() || video.isEmpty()) {
            return;
        }
        // Frame times are producer times: a server-time sample maps to the same offset into the fragment.
        long shift = kind == TimestampKind.SERVER ? info.producerTimestampMillis() - info.serverTimestampMillis() : 0;
        List<Long> micros = group.stream().map(p -> (p.timestampMillis() + shift) * 1000).toList();
        List<ImageResult> results = extractor.extract(video.get(), fragment.get().frames(), micros, options);
        for (int i = 0; i < group.size(); i++) {
            pictures.put(group.get(i).timestampMillis(), results.get(i));
        }
    }

    private String issue(String streamId, Window window) {
        return tokens.seal(TokenCodec.pack(streamId, window.kind().name(), window.startMillis(), window.endMillis(),
            window.intervalMillis()), PURPOSE);
    }

    private Window open(String token, String streamId) {
        List<Object> f = tokens.open(token, PURPOSE).flatMap(raw -> TokenCodec.unpack(raw, 5))
            .filter(fields -> streamId.equals(fields.get(0)))
            .orElseThrow(() -> invalid("Invalid NextToken."));
        return new Window(TimestampKind.valueOf((String) f.get(1)), (Long) f.get(2), (Long) f.get(3), (Long) f.get(4));
    }

    private static PlaybackException invalid(String message) {
        return new PlaybackException(PlaybackException.Reason.INVALID_ARGUMENT, message);
    }
}
