package dev.freshet.web.firehose;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.engine.EngineSettings;
import dev.freshet.delivery.engine.LogDeliveryEngine;
import dev.freshet.delivery.engine.StandardDestinations;
import dev.freshet.delivery.process.ProcessingSettings;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.process.lambda.LambdaSettings;
import dev.freshet.delivery.store.LocalDirectoryStore;
import dev.freshet.delivery.store.ObjectStore;
import dev.freshet.delivery.store.S3ObjectStore;
import dev.freshet.web.server.ModuleContext;
import dev.freshet.web.server.config.DeliverySettings;
import dev.freshet.web.server.config.FreshetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's delivery engine: a {@link LogDeliveryEngine} writing its checkpoints under
 * {@code <data-dir>/firehose}, its DirectPut buffers into the server's shard logs, and objects into
 * the store the settings name (an S3-compatible endpoint, else {@code <data-dir>/s3}), with every
 * standard destination and processor. It owns that store: closing stops delivery first, then
 * closes the store; the shard logs and the data streams stay the server's to close afterwards.
 *
 * <p>Thread-safe (as the engine it wraps).
 */
public final class ServerDeliveryEngine implements DeliveryEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDeliveryEngine.class);

    private final LogDeliveryEngine engine;
    private final ObjectStore store;

    private ServerDeliveryEngine(LogDeliveryEngine engine, ObjectStore store) {
        this.engine = engine;
        this.store = store;
    }

    /**
     * Assembles the engine from the module's context.
     *
     * @param dataStreams the Kinesis module's data streams, which KinesisStreamAsSource streams read
     */
    public static ServerDeliveryEngine open(ModuleContext context, DataStreams dataStreams) {
        FreshetConfig config = context.config();
        DeliverySettings delivery = config.delivery();
        Path dataDir = config.absoluteDataDir();
        ObjectStore store = store(delivery, dataDir, config.durability());
        try {
            ProcessingSettings processing = new ProcessingSettings(new LambdaSettings(delivery.lambdaUrls(),
                delivery.lambdaTimeout(), LambdaSettings.DEFAULT_RETRY_BACKOFF), Clock.systemUTC());
            LogDeliveryEngine engine = new LogDeliveryEngine(
                EngineSettings.defaults(dataDir.resolve("firehose"), config.durability())
                    .withActivePartitionsLimit(delivery.activePartitionsLimit()), context.logs(), store,
                StandardDestinations.registry(delivery.searchEndpoints(), delivery.httpTimeout()), RecordProcessorFactory.of(processing),
                dataStreams);
            LOG.atInfo().setMessage("delivery engine ready").addKeyValue("store", delivery.s3().map(Object::toString)
                .orElse(dataDir.resolve("s3").toString())).log();
            return new ServerDeliveryEngine(engine, store);
        } catch (RuntimeException e) {
            closeStore(store);
            throw e;
        }
    }

    private static ObjectStore store(DeliverySettings delivery, Path dataDir, Durability durability) {
        if (delivery.s3().isPresent()) {
            return new S3ObjectStore(delivery.s3().get());
        }
        return new LocalDirectoryStore(dataDir.resolve("s3"), durability == Durability.FSYNC);
    }

    @Override
    public void run(DeliveryStreamSpec spec) {
        engine.run(spec);
    }

    @Override
    public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records) {
        return engine.put(deliveryStreamName, records);
    }

    @Override
    public void delete(String deliveryStreamName) {
        engine.delete(deliveryStreamName);
    }

    @Override
    public Optional<DeliveryMetrics> metrics(String deliveryStreamName) {
        return engine.metrics(deliveryStreamName);
    }

    /** Stops every stream (the batch in flight finishes or is abandoned at its checkpoint), then the store. */
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            closeStore(store);
        }
    }

    private static void closeStore(ObjectStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("object store did not close cleanly").setCause(e).log();
        }
    }
}
