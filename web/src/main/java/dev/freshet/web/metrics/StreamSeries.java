package dev.freshet.web.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The data points of one label set (one stream, or one shard of a stream), looked up once and
 * kept, so reporting is a few atomic adds with no allocation and no label-map lookup.
 *
 * <p>Thread-safe (the data points are).
 */
final class StreamSeries {

    private final CounterDataPoint incomingRecords;
    private final CounterDataPoint incomingBytes;
    private final CounterDataPoint outgoingRecords;
    private final CounterDataPoint outgoingBytes;
    private final GaugeDataPoint iteratorAge;
    private final CounterDataPoint readExceeded;
    private final CounterDataPoint writeExceeded;

    StreamSeries(StreamFamilies families, String... labelValues) {
        incomingRecords = families.incomingRecords.labelValues(labelValues);
        incomingBytes = families.incomingBytes.labelValues(labelValues);
        outgoingRecords = families.outgoingRecords.labelValues(labelValues);
        outgoingBytes = families.outgoingBytes.labelValues(labelValues);
        iteratorAge = families.iteratorAge.labelValues(labelValues);
        readExceeded = families.throughputExceeded.labelValues(StreamFamilies.append(labelValues, "read"));
        writeExceeded = families.throughputExceeded.labelValues(StreamFamilies.append(labelValues, "write"));
    }

    void incoming(long records, long bytes) {
        addIfPositive(incomingRecords, records);
        addIfPositive(incomingBytes, bytes);
    }

    void outgoing(long records, long bytes) {
        addIfPositive(outgoingRecords, records);
        addIfPositive(outgoingBytes, bytes);
    }

    void iteratorAge(long millis) {
        iteratorAge.set(Math.max(0, millis));
    }

    void throughputExceeded(boolean write) {
        (write ? writeExceeded : readExceeded).inc();
    }

    private static void addIfPositive(CounterDataPoint counter, long amount) {
        if (amount > 0) {
            counter.inc(amount);
        }
    }
}
