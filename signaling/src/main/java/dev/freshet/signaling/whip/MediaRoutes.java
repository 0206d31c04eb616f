package dev.freshet.signaling.whip;

import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.receive.NegotiatedFeedback;
import dev.freshet.webrtc.sdp.CodecChoice;
import dev.freshet.webrtc.sdp.Extmap;
import dev.freshet.webrtc.sdp.NegotiatedMedia;
import dev.freshet.webrtc.session.MediaRoute;

import java.util.ArrayList;
import java.util.List;

/**
 * The receive routes of an answer's accepted media: video is track 1 and audio the track after
 * it, so a stream's track numbers are the same whichever m-line came first. SSRCs the offer named
 * are used; others (0) are learnt from the first packet of the payload type. Transport-wide feedback
 * is sent when a medium negotiated both {@code transport-cc} and its header extension; under BUNDLE
 * the extension has one id for all media (RFC 8843 section 9.1.3.2), so the first such medium's is taken.
 *
 * <p>Immutable.
 *
 * @param routes     one per accepted medium
 * @param hasVideo   whether H.264 was accepted
 * @param audioTrack the Opus track's number, 0 without audio
 * @param transportCcId the transport-wide sequence number's header extension id, -1 without transport-cc
 */
record MediaRoutes(List<MediaRoute> routes, boolean hasVideo, int audioTrack, int transportCcId) {

    static MediaRoutes of(List<NegotiatedMedia> media) {
        NegotiatedMedia video = find(media, dev.freshet.webrtc.sdp.MediaKind.VIDEO);
        NegotiatedMedia audio = find(media, dev.freshet.webrtc.sdp.MediaKind.AUDIO);
        List<MediaRoute> routes = new ArrayList<>(2);
        if (video != null) {
            routes.add(route(MediaKind.VIDEO, video, 1));
        }
        int audioTrack = audio == null ? 0 : video == null ? 1 : 2;
        if (audio != null) {
            routes.add(route(MediaKind.AUDIO, audio, audioTrack));
        }
        return new MediaRoutes(List.copyOf(routes), video != null, audioTrack, transportCcId(media));
    }

    private static int transportCcId(List<NegotiatedMedia> media) {
        return media.stream().filter(m -> m.codec().hasFeedback("transport-cc", ""))
            .mapToInt(m -> m.extensionId(Extmap.TRANSPORT_WIDE_CC)).filter(id -> id > 0).findFirst().orElse(-1);
    }

    private static NegotiatedMedia find(List<NegotiatedMedia> media, dev.freshet.webrtc.sdp.MediaKind kind) {
        return media.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    private static MediaRoute route(MediaKind kind, NegotiatedMedia media, int track) {
        CodecChoice codec = media.codec();
        NegotiatedFeedback feedback = new NegotiatedFeedback(codec.hasFeedback("nack", ""),
            codec.hasFeedback("nack", "pli"), codec.hasFeedback("ccm", "fir"));
        return new MediaRoute(kind, codec.payloadType(), codec.rtxPayloadType(),
            Math.max(0, media.remoteSsrc()), Math.max(0, media.remoteRtxSsrc()), track, feedback);
    }
}
