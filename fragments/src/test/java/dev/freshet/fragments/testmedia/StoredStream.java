package dev.freshet.fragments.testmedia;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.ingest.PutMediaSession;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * A video stream as the server stores it: a Matroska file uploaded through a {@link PutMediaSession}
 * (one fragment per cluster) into a {@link LogFragmentStore} on disk, with the live edge the upload
 * fed. Close it to close the log engine.
 */
public final class StoredStream implements AutoCloseable {

    /** Part target of the live edge: 200 ms, as LL-HLS sessions use. */
    public static final long PART_TARGET_MICROS = 200_000;

    private final FileLogEngine engine;
    private final FragmentLog log;
    private final LiveEdge edge = new LiveEdge(new PartPlan(PART_TARGET_MICROS));

    private StoredStream(Path dir, long startMillis) {
        engine = new FileLogEngine(dir.resolve("logs"), InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("cam", startMillis, Duration.ofHours(24));
    }

    /**
     * Uploads {@code mkv} with relative timecodes from {@code startMillis}, the stream created then,
     * and waits until every fragment is stored.
     */
    public static StoredStream upload(Path dir, Path mkv, long startMillis) {
        StoredStream stream = new StoredStream(dir, startMillis);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(mkv);
        } catch (IOException e) {
            stream.close();
            throw new UncheckedIOException(e);
        }
        PutMediaSession session = new PutMediaSession(stream.log, stream.edge, startMillis,
            PutMediaSession.TimecodeType.RELATIVE, startMillis, ack -> { }, InstantSource.system());
        session.feed(bytes, 0, bytes.length);
        session.finish();
        session.settled().join();
        return stream;
    }

    public FragmentLog log() {
        return log;
    }

    public LiveEdge edge() {
        return edge;
    }

    @Override
    public void close() {
        engine.close();
    }
}
