package dev.freshet.web.video;

import dev.freshet.signaling.storage.StorageSessions;
import dev.freshet.signaling.whep.WhepSessions;
import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.LivePublishers;
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
 * WebRTC as part of the video data plane: WHIP publishers ({@link WhipHandler} under
 * {@code /whip/}) write the streams' fragments and live edges, shared with PutMedia and LL-HLS;
 * WHEP viewers (under {@code /whep/}) receive a live WHIP publisher's RTP forwarded; KVS storage
 * sessions ({@link StorageSessionOperations}) receive a signaling channel master's media as a WHIP
 * publisher's. The one UDP
 * port ({@code webrtc-port} on {@code webrtc-host}), the DTLS certificate and the candidates serve
 * both; they are made when the module opens and closed with it.
 *
 * <p>Thread-safe.
 */
public final class WhipPlane implements VideoDataPlane {

    /** Request-metric label of the WHIP routes. */
    public static final String SERVICE = "whip";
    /** Request-metric label of the WHEP routes. */
    public static final String PLAY_SERVICE = "whep";
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
        DtlsCertificate certificate = DtlsCertificate.generate();
        Candidates candidates = new Candidates(settings.advertised().stream().map(WhipPlane::address).toList());
        WhipLimits limits = new WhipLimits(settings.maxSessions(), WhipLimits.DEFAULTS.silence(),
            settings.keyframeInterval());
        LivePublishers publishers = new LivePublishers();
        WhipStreams targets = new WhipStreams(context.streams(), edges, settings.createStreams());
        WhipSessions sessions = new WhipSessions(port, certificate, candidates, targets, limits,
            InstantSource.system(), publishers);
        opened.add(sessions);
        // WHEP viewers close before WHIP publishers: a publisher's end would otherwise end each viewer one by one
        WhepSessions viewers = new WhepSessions(port, certificate, candidates, publishers, limits,
            InstantSource.system());
        opened.add(viewers);
        // storage sessions (and their viewers) end before the WHIP and WHEP sessions their media runs in
        StorageSessions storage = new StorageSessions(sessions, viewers, port, certificate, candidates, targets,
            StorageSessions.DEFAULT_ANSWER_TIMEOUT, InstantSource.system());
        opened.add(storage);
        StorageSessionOperations storageApi = new StorageSessionOperations(context.channels(), context.streams(), storage);
        opened.add(storageApi);
        BearerTokens tokens = new BearerTokens(settings.tokens());
        opened.add(new WhipMetrics(context.module().metrics().registry(), sessions, viewers, tokens));
        LOG.atInfo().setMessage("WebRTC (WHIP, WHEP) on udp://{}:{}").addArgument(port.address().getAddress().getHostAddress())
            .addArgument(port.address().getPort()).addKeyValue("advertised", settings.advertised())
            .addKeyValue("tokens", settings.tokens().keySet()).addKeyValue("createStreams", settings.createStreams())
            .log();
        List<String> links = IceServerLinks.of(settings.iceServers());
        List<PathRoute> routes = new ArrayList<>(storageApi.routes());
        routes.add(PathRoute.under(SERVICE, WhipHandler.PREFIX, WhipHandler.whip(sessions, tokens, links)));
        routes.add(PathRoute.under(PLAY_SERVICE, WhipHandler.WHEP_PREFIX, WhipHandler.whep(viewers, tokens, links)));
        return routes;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webrtc-host does not resolve: " + host, e);
        }
    }

    /** Metrics, then viewers, then publishers (their fragments complete), then the port. */
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
