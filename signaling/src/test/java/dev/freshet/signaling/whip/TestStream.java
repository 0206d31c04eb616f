package dev.freshet.signaling.whip;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One video stream named {@value #NAME} on disk for session tests, and the {@link PublishTargets}
 * that claims it as the web layer does: unknown names are not found, a claimed stream is busy until
 * released. Claims and releases are counted.
 */
public final class TestStream implements AutoCloseable {

    public static final String NAME = "cam";
    private static final long CREATED_MILLIS = 1_700_000_000_000L;

    private final FileLogEngine engine;
    private final FragmentLog log;
    private final LiveEdge edge = new LiveEdge(new PartPlan(334_000));
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();

    public TestStream(Path dir) {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("test-" + NAME, CREATED_MILLIS, Duration.ofHours(24));
    }

    public FragmentLog log() {
        return log;
    }

    /** Claims {@value #NAME} for one publisher at a time. */
    public PublishTargets targets() {
        return stream -> {
            if (!stream.equals(NAME)) {
                throw new WhipException(WhipException.Reason.STREAM_NOT_FOUND, "no stream " + stream);
            }
            if (claims.get() > releases.get()) {
                throw new WhipException(WhipException.Reason.STREAM_BUSY, "busy");
            }
            claims.incrementAndGet();
            return new PublishTarget(stream, log, edge, CREATED_MILLIS, releases::incrementAndGet);
        };
    }

    /** Claims any name, never busy, releases not counted. */
    public PublishTargets anyStream() {
        return stream -> new PublishTarget(stream, log, edge, CREATED_MILLIS, () -> { });
    }

    public int claims() {
        return claims.get();
    }

    public int releases() {
        return releases.get();
    }

    @Override
    public void close() {
        engine.close();
    }
}
