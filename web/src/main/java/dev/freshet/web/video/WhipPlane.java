package dev.freshet.web.video;

import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.WhipLimits;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.web.server.PathRoute;
import dev.freshet.web.server.config.WebRtcSettings;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IcePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * WebRTC ingest as part of the video data plane: WHIP publishers ({@link WhipHandler} under
 * {@code /whip/}) write the streams' fragments and live edges, shared with PutMedia and LL-HLS. The
 * one UDP port ({@code webrtc-port} on {@code webrtc-host}) and the DTLS certificate are made when
 * the module opens and closed with it.
 *
 * <p>Thread-safe.
 */
public final class WhipPlane implements VideoDataPlane {

    /** Request-metric label of the WHIP routes. */
    public static final String SERVICE = "whip";
    private static final Logger LOG = LoggerFactory.getLogger(WhipPlane.class);

    private final LiveEdges edges;
    private final List<AutoCloseable> opened = new ArrayList<>();

    WhipPlane(LiveEdges edges) {
        this.edges = edges;
    }

    @Override
    public synchronized List<PathRoute> routes(VideoModuleContext context) {
        WebRtcSettings settings = context.module().config().webrtc();
        IcePort port = IcePort.bind(new InetSocketAddress(address(settings.host()), settings.port()));
        opened.add(port);
        WhipSessions sessions = new WhipSessions(port, DtlsCertificate.generate(),
            new Candidates(settings.advertised().stream().map(WhipPlane::address).toList()),
            new WhipStreams(context.streams(), edges),
            new WhipLimits(settings.maxSessions(), WhipLimits.DEFAULTS.silence()), InstantSource.system());
        opened.add(sessions);
        opened.add(new WhipMetrics(context.module().metrics().registry(), sessions));
        LOG.atInfo().setMessage("WebRTC (WHIP) on udp://{}:{}").addArgument(port.address().getAddress().getHostAddress())
            .addArgument(port.address().getPort()).addKeyValue("advertised", settings.advertised()).log();
        return List.of(PathRoute.under(SERVICE, WhipHandler.PREFIX, new WhipHandler(sessions)));
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webrtc-host does not resolve: " + host, e);
        }
    }

    /** Metrics, then sessions (their fragments complete), then the port. */
    @Override
    public synchronized void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                LOG.atWarn().setMessage("could not close part of the WebRTC plane").setCause(e).log();
            }
        }
        opened.clear();
    }
}
