package dev.freshet.datastreams.kinesis;

/**
 * Where the Kinesis services report traffic, named after the service's CloudWatch metrics. The web
 * module exposes them in Prometheus form; this module knows nothing of the format.
 *
 * <p>Stream-level figures are always reported. {@code shardLevel} says whether the stream has the
 * matching shard-level metric enabled (EnableEnhancedMonitoring); only then should a per-shard
 * series be exposed.
 *
 * <p>Implementations must be thread-safe and cheap: they are called on the write and read paths.
 */
public interface StreamMetrics {

    /** Records accepted into a shard (IncomingRecords / IncomingBytes). */
    void incoming(String stream, String shardId, boolean shardLevel, long records, long bytes);

    /** Records returned by GetRecords or pushed by SubscribeToShard (OutgoingRecords / OutgoingBytes). */
    void outgoing(String stream, String shardId, boolean shardLevel, long records, long bytes);

    /** Age of the last record a reader received, relative to now (IteratorAgeMilliseconds). */
    void iteratorAge(String stream, String shardId, boolean shardLevel, long millis);

    /** A request refused by limits mode (Write/ReadProvisionedThroughputExceeded). */
    void throughputExceeded(String stream, String shardId, boolean shardLevel, boolean write);

    /** The stream is gone: drop its series. */
    void streamRemoved(String stream);

    StreamMetrics NONE = new StreamMetrics() {
        @Override
        public void incoming(String stream, String shardId, boolean shardLevel, long records, long bytes) {
        }

        @Override
        public void outgoing(String stream, String shardId, boolean shardLevel, long records, long bytes) {
        }

        @Override
        public void iteratorAge(String stream, String shardId, boolean shardLevel, long millis) {
        }

        @Override
        public void throughputExceeded(String stream, String shardId, boolean shardLevel, boolean write) {
        }

        @Override
        public void streamRemoved(String stream) {
        }
    };
}
