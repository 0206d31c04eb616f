package dev.freshet.delivery.catalog;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.datastreams.metadata.SnapshotFile;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryStreamSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery-stream service (the Firehose API) as plain Java: the composition root of the
 * per-area services over one {@link DeliveryCatalog}, kept in {@code <metadataDir>/catalog.json}.
 * It drives a {@link DeliveryEngine}: {@link #start()} hands the engine every stored stream (after
 * a restart delivery resumes from the engine's checkpoints); creating, updating and deleting a
 * stream run, switch and stop its delivery.
 *
 * <p>Thread-safe. The engine is the caller's to close.
 */
public final class DeliveryStreams {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStreams.class);

    private final DeliveryCatalog catalog;
    private final DeliveryEngine engine;
    private final ControlCallRates rates;
    private final StreamLifecycle streams;
    private final DestinationUpdates destinations;
    private final StreamTags tags;
    private final StreamEncryption encryption;
    private final RecordIntake records;

    public DeliveryStreams(CatalogSettings settings, DeliveryEngine engine, SourceStreams sources, Path metadataDir,
            IntakeMetrics metrics) {
        this.catalog = new DeliveryCatalog(settings, new JsonSnapshots<>(new SnapshotFile(metadataDir, "catalog.json"),
            DeliveryCatalogState.class, "delivery stream metadata"));
        this.engine = engine;
        this.rates = new ControlCallRates(settings.enforceLimits(), settings.clock(), settings.accountId());
        this.streams = new StreamLifecycle(catalog, engine, sources);
        this.destinations = new DestinationUpdates(catalog, engine);
        this.tags = new StreamTags(catalog);
        this.encryption = new StreamEncryption(catalog);
        this.records = new RecordIntake(catalog, engine, metrics,
            new PutThrottle(settings.enforceLimits(), settings.putQuota(), settings.clock()));
    }

    /** Hands every stored stream that is not being deleted to the engine. Call once, after opening. */
    public void start() {
        List<DeliveryStreamSpec> running = new ArrayList<>();
        List<String> deleting = new ArrayList<>();
        catalog.read(state -> {
            long now = catalog.now();
            for (DeliveryStreamState stream : state.streams.values()) {
                if (stream.deletedAtMillis == 0) {
                    running.add(Specs.of(catalog, stream));
                } else if (!DeliveryStreamStatus.gone(stream, now)) {
                    deleting.add(stream.name);
                }
            }
            return null;
        });
        // a crash between DeleteDeliveryStream and the engine's delete must not leave a log behind
        deleting.forEach(engine::delete);
        for (DeliveryStreamSpec spec : running) {
            try {
                engine.run(spec);
            } catch (RuntimeException e) {
                // one stream the engine cannot run must not keep the others (or the server) down
                LOG.atError().setMessage("delivery stream not started").addKeyValue("delivery_stream", spec.ref().name())
                    .setCause(e).log();
            }
        }
    }

    public CatalogSettings settings() {
        return catalog.settings();
    }

    /** Limits mode: LimitExceededException when {@code operation} is past its rate. A no-op when limits are off. */
    public void admitControlCall(String operation) {
        rates.admit(operation);
    }

    public StreamLifecycle streams() {
        return streams;
    }

    public DestinationUpdates destinations() {
        return destinations;
    }

    public StreamTags tags() {
        return tags;
    }

    public StreamEncryption encryption() {
        return encryption;
    }

    public RecordIntake records() {
        return records;
    }
}
