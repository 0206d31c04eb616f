package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.signaling.channels.ChannelLifecycle;
import dev.freshet.signaling.channels.ChannelRef;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.server.config.WebRtcSettings.IceServers;

/**
 * The signaling HTTPS API ({@code kinesis-video-signaling} model) on the HTTPS endpoint:
 * GetIceServerConfig ({@code POST /v1/get-ice-server-config}) answers the STUN/TURN servers the
 * operator configured ({@code webrtc-ice-servers}, with {@code webrtc-ice-username} and
 * {@code -password}) as one entry with a {@value #TTL_SECONDS} s Ttl, or an empty list: Freshet runs
 * no TURN server. SendAlexaOfferToMaster answers InvalidArgumentException (no Alexa integration).
 *
 * <p>Thread-safe.
 */
final class IceServerOperations {

    static final int TTL_SECONDS = 300;

    private final ChannelLifecycle channels;
    private final IceServers servers;

    IceServerOperations(ChannelLifecycle channels, IceServers servers) {
        this.channels = channels;
        this.servers = servers;
    }

    void register(RestJsonRoutes routes) {
        routes.add("GetIceServerConfig", "/v1/get-ice-server-config", ChannelInputs.GET_ICE_SERVER_CONFIG,
            this::getIceServerConfig);
        routes.add("SendAlexaOfferToMaster", "/v1/send-alexa-offer-to-master", ChannelInputs.SEND_ALEXA_OFFER,
            (call, out) -> {
                throw VideoErrorType.INVALID_ARGUMENT.exception(
                    "Freshet does not support SendAlexaOfferToMaster: it has no Alexa integration.");
            });
    }

    private void getIceServerConfig(RestJsonCall call, OutputWriter out) {
        channels.describe(ChannelRef.byArn(call.string("ChannelARN")));
        out.startArray("IceServerList");
        if (!servers.uris().isEmpty()) {
            out.startObject().strings("Uris", servers.uris());
            if (!servers.username().isEmpty()) {
                out.string("Username", servers.username()).string("Password", servers.password());
            }
            out.number("Ttl", TTL_SECONDS).endObject();
        }
        out.endArray();
    }
}
