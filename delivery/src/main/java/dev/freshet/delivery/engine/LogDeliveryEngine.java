package dev.freshet.delivery.engine;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.destination.DestinationContext;
import dev.freshet.delivery.destination.DestinationRegistry;
import dev.freshet.delivery.process.RecordProcessorFactory;
import dev.freshet.delivery.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine over the shard log: per running stream a {@link DeliveryLoop} thread, its
 * source (a DirectPut buffer log {@code firehose-<stream>} or a Freshet data stream), its
 * checkpoint file under {@code <state-dir>/checkpoints/}, and its counters. Destinations come from
 * a {@link DestinationRegistry} by kind, processors from a {@link RecordProcessorFactory}.
 *
 * <p>Restart: nothing is kept in memory that a restart needs; the catalog calls {@link #run} for
 * every stream again and each resumes at its checkpoint (records delivered after the last
 * checkpoint are delivered again: at-least-once).
 *
 * <p>Assembly (the server owns the log engine, the object store and the data streams, and closes
 * them after this engine):
 * <pre>{@code
 * new LogDeliveryEngine(EngineSettings.defaults(dataDir.resolve("firehose"), durability), logs,
 *     new LocalDirectoryStore(dataDir.resolve("s3"), durability == Durability.FSYNC),
 *     S3Destinations.register(new DestinationRegistry()), processorFactory, dataStreams);
 * }</pre>
 *
 * <p>Thread-safe: {@code run} and {@code delete} are serialised; {@code put} is not blocked by them.
 */
public final class LogDeliveryEngine implements DeliveryEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LogDeliveryEngine.class);
    private static final long CLOSE_GRACE_MILLIS = 10_000;

    private final EngineSettings settings;
    private final LogEngine logs;
    private final ObjectStore objectStore;
    private final PipelineFactory pipelines;
    private final DataStreams dataStreams;
    private final ScheduledExecutorService timers;
    private final Map<String, RunningStream> streams = new ConcurrentHashMap<>();

    private record RunningStream(DeliveryLoop loop, SourceReader source, StreamCounters counters) {
    }

    /**
     * @param dataStreams the Kinesis services KinesisStream sources read through; null when the
     *     server has none (such streams are then refused)
     */
    public LogDeliveryEngine(EngineSettings settings, LogEngine logs, ObjectStore objectStore,
            DestinationRegistry destinations, RecordProcessorFactory processors, DataStreams dataStreams) {
        this.settings = settings;
        this.logs = logs;
        this.objectStore = objectStore;
        this.pipelines = new PipelineFactory(destinations, processors);
        this.dataStreams = dataStreams;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "freshet-delivery-timers");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
        timers.scheduleWithFixedDelay(this::refreshRetention, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void run(DeliveryStreamSpec spec) {
        String name = spec.ref().name();
        RunningStream running = streams.get(name);
        if (running != null) {
            if (running.loop().versionId() != spec.ref().versionId()) {
                running.loop().switchTo(pipelines.create(spec, context(running.counters())));
            }
            return;
        }
        StreamCounters counters = new StreamCounters(settings.clock());
        Pipeline pipeline = pipelines.create(spec, context(counters));
        SourceReader source;
        try {
            source = openSource(spec);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        boolean kinesis = spec.source() instanceof DeliverySource.KinesisStream;
        DeliveryLoop loop = new DeliveryLoop(pipeline, source, counters, settings, timers, kinesis);
        streams.put(name, new RunningStream(loop, source, counters));
        loop.start();
        LOG.atInfo().setMessage("delivery stream running").addKeyValue("stream", name)
            .addKeyValue("version", spec.ref().versionId()).addKeyValue("destination", spec.destinationKind()).log();
    }

    private SourceReader openSource(DeliveryStreamSpec spec) {
        CheckpointFile checkpoint = checkpointFile(spec.ref().name());
        if (spec.source() instanceof DeliverySource.KinesisStream kinesis) {
            if (dataStreams == null) {
                throw DeliveryException.invalidArgument("Kinesis data streams are not available as a source here.");
            }
            return KinesisStreamSource.open(dataStreams, kinesis, checkpoint);
        }
        return DirectPutSource.open(logs, spec.ref().name(), checkpoint, settings);
    }

    private DestinationContext context(StreamCounters counters) {
        return new DestinationContext(objectStore, settings.retry(), settings.clock(), counters, counters,
            settings.activePartitionsLimit());
    }

    private CheckpointFile checkpointFile(String name) {
        return new CheckpointFile(settings.stateDir(), name, settings.durability() == Durability.FSYNC);
    }

    @Override
    public CompletableFuture<List<String>> put(String deliveryStreamName, List<byte[]> records) {
        RunningStream running = streams.get(deliveryStreamName);
        if (running == null) {
            return CompletableFuture.failedFuture(DeliveryException.notFound(
                "Firehose " + deliveryStreamName + " not found."));
        }
        if (!(running.source() instanceof DirectPutSource directPut)) {
            return CompletableFuture.failedFuture(DeliveryException.invalidArgument(
                "This operation is not permitted on KinesisStreamAsSource delivery stream type."));
        }
        long bytes = 0;
        for (byte[] record : records) {
            bytes += record.length;
        }
        long total = bytes;
        try {
            return directPut.append(records).thenApply(ids -> {
                running.counters().incoming(ids.size(), total);
                return ids;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE,
                "The delivery stream's buffer could not store the records: " + e.getMessage()));
        }
    }

    @Override
    public synchronized void delete(String deliveryStreamName) {
        RunningStream running = streams.remove(deliveryStreamName);
        if (running != null) {
            running.loop().requestStop(true);
            running.loop().awaitStopped(0);
        }
        String logId = DirectPutSource.logId(deliveryStreamName);
        if (logs.find(logId).isPresent() || logs.ids().contains(logId)) {
            logs.delete(logId);
        }
        checkpointFile(deliveryStreamName).delete();
    }

    @Override
    public Optional<DeliveryMetrics> metrics(String deliveryStreamName) {
        return Optional.ofNullable(streams.get(deliveryStreamName)).map(RunningStream::counters);
    }

    private void refreshRetention() {
        long now = settings.clock().millis();
        for (RunningStream running : streams.values()) {
            if (running.source() instanceof DirectPutSource directPut) {
                try {
                    directPut.refreshRetention(now);
                } catch (RuntimeException e) {
                    LOG.atWarn().setMessage("buffer retention not refreshed").setCause(e).log();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        for (RunningStream running : streams.values()) {
            running.loop().requestStop(false);
        }
        long deadline = System.nanoTime() + CLOSE_GRACE_MILLIS * 1_000_000;
        for (RunningStream running : streams.values()) {
            running.loop().awaitStopped(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        streams.clear();
        timers.shutdownNow();
    }
}
