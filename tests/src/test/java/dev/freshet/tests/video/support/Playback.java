package dev.freshet.tests.video.support;

import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesisvideo.model.APIName;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.ContainerFormat;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.DASHFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.DASHPlaybackMode;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.GetHlsStreamingSessionUrlRequest;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSDisplayFragmentTimestamp;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSFragmentSelectorType;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.HLSPlaybackMode;

/**
 * Playback session URLs through the SDK (GetHLSStreamingSessionURL, GetDASHStreamingSessionURL), each
 * from the data endpoint GetDataEndpoint names for it.
 *
 * <p>Stateless; thread-safe.
 */
public final class Playback {
    private Playback() {
    }

    /** An HLS session with any request options. */
    public static URI hls(VideoServer server, String stream, Consumer<GetHlsStreamingSessionUrlRequest.Builder> options) {
        String url = server.archived(stream, APIName.GET_HLS_STREAMING_SESSION_URL)
                .getHLSStreamingSessionURL(b -> options.accept(b.streamName(stream))).hlsStreamingSessionURL();
        return URI.create(url);
    }

    /** ON_DEMAND over producer timestamps [from, to]. */
    public static URI hlsOnDemand(VideoServer server, String stream, Instant from, Instant to, ContainerFormat format,
                                  HLSDisplayFragmentTimestamp display) {
        return hls(server, stream, b -> b.playbackMode(HLSPlaybackMode.ON_DEMAND).containerFormat(format)
                .displayFragmentTimestamp(display)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)
                        .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))));
    }

    /** ON_DEMAND fMP4 of everything from an hour before {@code from} to an hour after it. */
    public static URI hlsOnDemandAround(VideoServer server, String stream, long producerMillis) {
        Instant at = Instant.ofEpochMilli(producerMillis);
        return hlsOnDemand(server, stream, at.minusSeconds(3600), at.plusSeconds(3600), ContainerFormat.FRAGMENTED_MP4,
                HLSDisplayFragmentTimestamp.NEVER);
    }

    /** LIVE fMP4 (low-latency) with program date-times from producer timestamps. */
    public static URI hlsLive(VideoServer server, String stream) {
        return hls(server, stream, b -> b.playbackMode(HLSPlaybackMode.LIVE)
                .containerFormat(ContainerFormat.FRAGMENTED_MP4)
                .displayFragmentTimestamp(HLSDisplayFragmentTimestamp.ALWAYS)
                .hlsFragmentSelector(s -> s.fragmentSelectorType(HLSFragmentSelectorType.PRODUCER_TIMESTAMP)));
    }

    /** ON_DEMAND DASH over producer timestamps [from, to]. */
    public static URI dashOnDemand(VideoServer server, String stream, Instant from, Instant to) {
        String url = server.archived(stream, APIName.GET_DASH_STREAMING_SESSION_URL)
                .getDASHStreamingSessionURL(b -> b.streamName(stream).playbackMode(DASHPlaybackMode.ON_DEMAND)
                        .dashFragmentSelector(s -> s.fragmentSelectorType(DASHFragmentSelectorType.PRODUCER_TIMESTAMP)
                                .timestampRange(r -> r.startTimestamp(from).endTimestamp(to))))
                .dashStreamingSessionURL();
        return URI.create(url);
    }
}
