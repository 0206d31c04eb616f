package dev.freshet.web.video;

import dev.freshet.web.server.PathRoute;

import java.util.ArrayList;
import java.util.List;

/**
 * KVS WebRTC signaling as part of the video data plane: the signaling WebSocket
 * ({@link SignalingSocket} at {@value SignalingEndpoints#WEBSOCKET_PATH}), the signaling HTTPS API
 * ({@link IceServerOperations}) and the signaling metrics. The channels and their relay come from
 * the {@link VideoModuleContext}; the module sends GO_AWAY to connected clients when it stops.
 *
 * <p>Thread-safe.
 */
public final class SignalingPlane implements VideoDataPlane {

    /** Request-metric label of the signaling routes. */
    public static final String SERVICE = "kinesisvideosignaling";

    private SignalingMetrics metrics;

    @Override
    public synchronized List<PathRoute> routes(VideoModuleContext context) {
        metrics = new SignalingMetrics(context.module().metrics().registry(), context.channels());
        RestJsonRoutes api = new RestJsonRoutes(SERVICE);
        new IceServerOperations(context.channels().lifecycle(), context.module().config().webrtc().iceServers())
            .register(api);
        List<PathRoute> routes = new ArrayList<>(api.routes());
        routes.add(PathRoute.exact(SERVICE, SignalingEndpoints.WEBSOCKET_PATH, new SignalingSocket(context.channels())));
        return routes;
    }

    @Override
    public synchronized void close() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}
