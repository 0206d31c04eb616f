package dev.freshet.signaling.whip;

import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.sdp.NegotiatedMedia;
import dev.freshet.webrtc.session.MediaRoute;

import java.util.ArrayList;
import java.util.List;

/**
 * The receive routes of an answer's accepted media: video is track 1 and audio the track after
 * it, so a stream's track numbers are the same whichever m-line came first. SSRCs the offer named
 * are used; others (0) are learnt from the first packet of the payload type.
 *
 * <p>Immutable.
 *
 * @param routes     one per accepted medium
 * @param hasVideo   whether H.264 was accepted
 * @param audioTrack the Opus track's number, 0 without audio
 */
record MediaRoutes(List<MediaRoute> routes, boolean hasVideo, int audioTrack) {

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
        return new MediaRoutes(List.copyOf(routes), video != null, audioTrack);
    }

    private static NegotiatedMedia find(List<NegotiatedMedia> media, dev.freshet.webrtc.sdp.MediaKind kind) {
        return media.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    private static MediaRoute route(MediaKind kind, NegotiatedMedia media, int track) {
        return new MediaRoute(kind, media.codec().payloadType(), media.codec().rtxPayloadType(),
            Math.max(0, media.remoteSsrc()), Math.max(0, media.remoteRtxSsrc()), track);
    }
}
