package dev.freshet.web.firehose;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.catalog.CatalogSettings;
import dev.freshet.delivery.catalog.DataStreamsSources;
import dev.freshet.delivery.catalog.DeliveryStreamDescription;
import dev.freshet.delivery.catalog.DeliveryStreams;
import dev.freshet.web.server.FreshetModule;
import dev.freshet.web.server.ModuleContext;
import dev.freshet.web.server.config.FreshetConfig;
import io.undertow.server.HttpHandler;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Delivery streams (Amazon Data Firehose) as a server module: keeps the catalog under
 * {@code <data-dir>/firehose}, drives the delivery engine its factory builds, and answers
 * {@code Firehose_20150804.*}. A KinesisStreamAsSource stream reads a data stream of the Kinesis
 * module, which therefore opens first (and closes after it). Each stream's delivery figures go to
 * {@code /metrics} through a {@link DeliveryMetricsCollector}. Closing (after the server drained)
 * removes that collector and closes the engine, before the server closes the shard logs.
 */
public final class FirehoseModule implements FreshetModule {

    public static final String TARGET_PREFIX = "Firehose_20150804";

    private final DeliveryEngine engine;
    private final FirehoseApi api;
    private final DeliveryMetricsCollector deliveryMetrics;

    private FirehoseModule(ModuleContext context, DataStreams dataStreams, Function<ModuleContext, DeliveryEngine> engines) {
        FreshetConfig config = context.config();
        this.engine = engines.apply(context);
        try {
            DeliveryStreams streams = new DeliveryStreams(settings(config), engine, new DataStreamsSources(dataStreams),
                config.absoluteDataDir().resolve("firehose"), new FirehoseMetrics(context.metrics().registry()));
            streams.start();
            this.api = new FirehoseApi(streams);
            this.deliveryMetrics = new DeliveryMetricsCollector(context.metrics().registry(),
                () -> describedStreams(streams), engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Opens the module; listed in the server's service assembly.
     *
     * @param dataStreams the Kinesis module's data streams (opened before this module)
     * @param engines builds the delivery engine from the module's context
     */
    public record Factory(Supplier<DataStreams> dataStreams, Function<ModuleContext, DeliveryEngine> engines)
            implements FreshetModule.Factory {

        @Override
        public FreshetModule open(ModuleContext context) {
            return new FirehoseModule(context, dataStreams.get(), engines);
        }
    }

    @Override
    public Map<String, HttpHandler> targetHandlers() {
        return Map.of(TARGET_PREFIX, api);
    }

    /** Stops delivery (the engine closes its store); the server closes the data streams and shard logs after. */
    @Override
    public void close() {
        deliveryMetrics.close();
        engine.close();
    }

    /** Every delivery stream's destination kind and source, for the metrics read at scrape time. */
    private static Map<String, DeliveryMetricsCollector.Stream> describedStreams(DeliveryStreams streams) {
        Map<String, DeliveryMetricsCollector.Stream> described = new TreeMap<>();
        for (String name : streams.streams().list(Integer.MAX_VALUE, null, null).items()) {
            try {
                DeliveryStreamDescription description = streams.streams().describe(name, 1, null);
                description.destinations().stream().findFirst().ifPresent(destination -> described.put(name,
                    new DeliveryMetricsCollector.Stream(destination.kind(), description.source() != null)));
            } catch (DeliveryException e) {
                // deleted since it was listed
            }
        }
        return described;
    }

    private static CatalogSettings settings(FreshetConfig config) {
        return new CatalogSettings(config.region(), config.accountId(), config.streamTransition(), config.enforceLimits(),
            CatalogSettings.DEFAULT_STREAM_LIMIT, InstantSource.system(), config.delivery().putQuota());
    }
}
