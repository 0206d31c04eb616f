package dev.freshet.web.metrics;

import dev.freshet.datastreams.kinesis.StreamMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link StreamMetrics} in Prometheus form, named after the CloudWatch metrics:
 *
 * <pre>
 * freshet_kinesis_incoming_records_total{stream}          freshet_kinesis_shard_incoming_records_total{stream,shard}
 * freshet_kinesis_incoming_bytes_total{stream}            freshet_kinesis_shard_incoming_bytes_total{stream,shard}
 * freshet_kinesis_outgoing_records_total{stream}          freshet_kinesis_shard_outgoing_records_total{stream,shard}
 * freshet_kinesis_outgoing_bytes_total{stream}            freshet_kinesis_shard_outgoing_bytes_total{stream,shard}
 * freshet_kinesis_iterator_age_milliseconds{stream}       freshet_kinesis_shard_iterator_age_milliseconds{stream,shard}
 * freshet_kinesis_throughput_exceeded_total{stream,kind}  freshet_kinesis_shard_throughput_exceeded_total{stream,shard,kind}
 * </pre>
 *
 * Stream-level series are always kept; shard-level ones only for calls with {@code shardLevel}
 * (enhanced monitoring on). The stream-level iterator age is the one reported last by any shard.
 *
 * <p>On the hot path: after a label set's first use, a call costs one or two map reads and a few
 * atomic adds, with no allocation. Thread-safe.
 */
public final class PrometheusStreamMetrics implements StreamMetrics {

    private final StreamFamilies streamFamilies;
    private final StreamFamilies shardFamilies;
    private final ConcurrentMap<String, StreamEntry> streams = new ConcurrentHashMap<>();

    public PrometheusStreamMetrics(PrometheusRegistry registry) {
        streamFamilies = new StreamFamilies(registry, "freshet_kinesis_", "per stream", "stream");
        shardFamilies = new StreamFamilies(registry, "freshet_kinesis_shard_", "per shard", "stream", "shard");
    }

    @Override
    public void incoming(String stream, String shardId, boolean shardLevel, long records, long bytes) {
        StreamEntry entry = entry(stream);
        entry.total.incoming(records, bytes);
        if (shardLevel) {
            entry.shard(shardId).incoming(records, bytes);
        }
    }

    @Override
    public void outgoing(String stream, String shardId, boolean shardLevel, long records, long bytes) {
        StreamEntry entry = entry(stream);
        entry.total.outgoing(records, bytes);
        if (shardLevel) {
            entry.shard(shardId).outgoing(records, bytes);
        }
    }

    @Override
    public void iteratorAge(String stream, String shardId, boolean shardLevel, long millis) {
        StreamEntry entry = entry(stream);
        entry.total.iteratorAge(millis);
        if (shardLevel) {
            entry.shard(shardId).iteratorAge(millis);
        }
    }

    @Override
    public void throughputExceeded(String stream, String shardId, boolean shardLevel, boolean write) {
        StreamEntry entry = entry(stream);
        entry.total.throughputExceeded(write);
        if (shardLevel) {
            entry.shard(shardId).throughputExceeded(write);
        }
    }

    @Override
    public void streamRemoved(String stream) {
        streams.remove(stream);
        streamFamilies.removeIf(labels -> labels.get(0).equals(stream));
        shardFamilies.removeIf(labels -> labels.get(0).equals(stream));
    }

    private StreamEntry entry(String stream) {
        StreamEntry entry = streams.get(stream);
        return entry != null ? entry : streams.computeIfAbsent(stream, this::newEntry);
    }

    private StreamEntry newEntry(String stream) {
        return new StreamEntry(stream, new StreamSeries(streamFamilies, stream));
    }

    /** A stream's own series and its shards' series, created on first use. */
    private final class StreamEntry {
        final String stream;
        final StreamSeries total;
        final ConcurrentMap<String, StreamSeries> shards = new ConcurrentHashMap<>();

        StreamEntry(String stream, StreamSeries total) {
            this.stream = stream;
            this.total = total;
        }

        StreamSeries shard(String shardId) {
            StreamSeries series = shards.get(shardId);
            return series != null ? series : shards.computeIfAbsent(shardId, this::newShard);
        }

        private StreamSeries newShard(String shardId) {
            return new StreamSeries(shardFamilies, stream, shardId);
        }
    }
}
