package dev.freshet.fragments.store.internal;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.fragments.store.FragmentEncoding;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentStore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link FragmentStore} in the server's shard log engine: stream {@code <id>} keeps its
 * fragments in log {@code kvs-<id>-f} and their index in {@code kvs-<id>-x}. Retention is the
 * logs' retention; a live-only stream (retention zero) keeps {@link #LIVE_WINDOW} of fragments, for
 * live playback.
 *
 * <p>Thread-safe.
 */
public final class LogFragmentStore implements FragmentStore {

    /** How much a live-only stream keeps: enough for live playlists and late GetMedia readers. */
    public static final Duration LIVE_WINDOW = Duration.ofMinutes(5);
    private static final String PREFIX = "kvs-";

    private final LogEngine engine;
    private final FragmentEncoding encoding;
    private final Durability durability;
    private final long segmentBytes;
    private final Map<String, LogFragmentLog> open = new ConcurrentHashMap<>();

    public LogFragmentStore(LogEngine engine, FragmentEncoding encoding, Durability durability, long segmentBytes) {
        this.engine = engine;
        this.encoding = encoding;
        this.durability = durability;
        this.segmentBytes = segmentBytes;
    }

    @Override
    public FragmentLog open(String streamId, long streamCreatedMillis, Duration retention) {
        return open.computeIfAbsent(streamId, id -> new LogFragmentLog(engine.open(fragmentsId(id), config(retention)),
            engine.open(indexId(id), config(retention)), encoding, streamCreatedMillis));
    }

    @Override
    public void updateRetention(String streamId, Duration retention) {
        Duration kept = kept(retention);
        engine.find(fragmentsId(streamId)).ifPresent(log -> log.updateRetention(kept));
        engine.find(indexId(streamId)).ifPresent(log -> log.updateRetention(kept));
    }

    @Override
    public void delete(String streamId) {
        open.remove(streamId);
        engine.delete(fragmentsId(streamId));
        engine.delete(indexId(streamId));
    }

    private LogConfig config(Duration retention) {
        return new LogConfig(segmentBytes, LogConfig.DEFAULT_SEGMENT_AGE, kept(retention), LogConfig.DEFAULT_INDEX_INTERVAL,
            durability);
    }

    private static Duration kept(Duration retention) {
        return retention.isZero() ? LIVE_WINDOW : retention;
    }

    static String fragmentsId(String streamId) {
        return PREFIX + streamId + "-f";
    }

    static String indexId(String streamId) {
        return PREFIX + streamId + "-x";
    }
}
