package dev.freshet.web.video;

import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentStore;
import dev.freshet.fragments.store.FragmentStores;
import dev.freshet.fragments.video.VideoSettings;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.channels.SignalingChannels;
import dev.freshet.web.server.FreshetModule;
import dev.freshet.web.server.ModuleContext;
import dev.freshet.web.server.PathRoute;
import dev.freshet.web.server.config.FreshetConfig;
import io.undertow.server.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Kinesis Video Streams as a server module: keeps the video-stream metadata under
 * {@code <data-dir>/kinesisvideo}, serves every control-plane operation at its REST-JSON path
 * ({@code POST /createStream}, …, {@code /TagResource}) and adds the routes of the
 * {@link VideoDataPlane}s it is given. Statuses last the server's {@code stream-transition-millis}.
 * Signaling channels are part of the control plane (kept in {@code kinesisvideo/channels.json});
 * their relay is handed to the data planes and told to send GO_AWAY when the server stops.
 *
 * <p>Routes: {@link StreamOperations}, {@link TagOperations}, {@link ConfigurationOperations},
 * {@link ChannelOperations}, {@link UnsupportedOperations} (edge agent); errors per {@link RestJsonErrors}.
 *
 * <p>Thread-safe.
 */
public final class KinesisVideoModule implements FreshetModule {

    /** The request-metric label of the control-plane routes. */
    public static final String SERVICE = "kinesisvideo";
    private static final Logger LOG = LoggerFactory.getLogger(KinesisVideoModule.class);

    private final FragmentStore fragments;
    private final SignalingChannels channels;
    private final List<VideoDataPlane> dataPlanes;
    private final List<PathRoute> routes = new ArrayList<>();

    private KinesisVideoModule(ModuleContext context, FragmentStore fragments, List<VideoDataPlane> dataPlanes) {
        FreshetConfig config = context.config();
        this.fragments = fragments;
        this.dataPlanes = List.copyOf(dataPlanes);
        VideoStreams streams = new VideoStreams(new VideoSettings(config.region(), config.accountId(),
            config.streamTransition(), InstantSource.system()), fragments,
            config.absoluteDataDir().resolve("kinesisvideo"));
        this.channels = new SignalingChannels(streams, config.absoluteDataDir().resolve("kinesisvideo"));
        routes.addAll(controlPlaneRoutes(streams, channels, new SignalingEndpoints(knownTlsPort(config))));
        VideoModuleContext videoContext = new VideoModuleContext(context, streams, fragments, channels);
        this.dataPlanes.forEach(plane -> routes.addAll(plane.routes(videoContext)));
    }

    /** Opens the fragment store the module's streams keep their fragments in. */
    @FunctionalInterface
    public interface StoreOpener {
        FragmentStore open(ModuleContext context) throws Exception;
    }

    /** Opens the module; listed in the server's service assembly. */
    public static final class Factory implements FreshetModule.Factory {

        private final StoreOpener stores;
        private final List<VideoDataPlane> dataPlanes;

        /** The whole service: fragments in the server's shard logs, the full data plane and WHIP ingest. */
        public Factory() {
            this(KinesisVideoModule::logStore, fullDataPlane());
        }

        /** The control plane over {@code stores}, with the routes of {@code dataPlanes}. */
        public Factory(StoreOpener stores, List<VideoDataPlane> dataPlanes) {
            this.stores = stores;
            this.dataPlanes = List.copyOf(dataPlanes);
        }

        @Override
        public FreshetModule open(ModuleContext context) throws Exception {
            FragmentStore store = stores.open(context);
            try {
                return new KinesisVideoModule(context, store, dataPlanes);
            } catch (RuntimeException e) {
                if (store instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
                throw e;
            }
        }
    }

    /**
     * The media and archived-media APIs, WHIP (the two share the streams' live edges: LL-HLS shows WHIP
     * too) and KVS signaling.
     */
    private static List<VideoDataPlane> fullDataPlane() {
        LiveEdges edges = new LiveEdges(new PartPlan(VideoMediaPlane.PART_TARGET_MICROS));
        return List.of(new VideoMediaPlane(edges), new WhipPlane(edges), new SignalingPlane());
    }

    /** Fragments as records of the server's shard logs, appended with its durability. */
    public static FragmentStore logStore(ModuleContext context) {
        FreshetConfig config = context.config();
        return FragmentStores.inLogs(context.logs(), config.durability(), config.segmentBytes());
    }

    /** Every control-plane route, over {@code streams} and {@code channels}. */
    static List<PathRoute> controlPlaneRoutes(VideoStreams streams, SignalingChannels channels,
                                              SignalingEndpoints endpoints) {
        RestJsonRoutes table = new RestJsonRoutes(SERVICE);
        new StreamOperations(streams).register(table);
        new TagOperations(streams.tags(), channels.tags()).register(table);
        new ChannelOperations(channels, endpoints).register(table);
        new ConfigurationOperations(streams.configurations()).register(table);
        UnsupportedOperations.register(table);
        return table.routes();
    }

    /** The configured TLS port; empty without TLS or when it is picked at bind time (0), not known yet. */
    private static OptionalInt knownTlsPort(FreshetConfig config) {
        return config.tlsPort().stream().filter(port -> port != 0).findFirst();
    }

    @Override
    public Map<String, HttpHandler> targetHandlers() {
        return Map.of();
    }

    @Override
    public List<PathRoute> pathRoutes() {
        return List.copyOf(routes);
    }

    /** Signaling clients get GO_AWAY before the server stops taking requests. */
    @Override
    public void stopping() {
        channels.relay().shutdown();
    }

    @Override
    public void close() {
        channels.relay().shutdown();
        dataPlanes.forEach(KinesisVideoModule::closeQuietly);
        if (fragments instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.atWarn().setMessage("could not close part of the video module").setCause(e).log();
        }
    }
}
