package dev.freshet.bench.jmh;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.ShardLog;
import dev.freshet.datastreams.log.internal.FileLogEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A shard log in a fresh folder under {@code /tmp} for one benchmark trial or iteration; {@link #close}
 * shuts the engine down and removes the folder. Retention is a day and the cleaner runs hourly, so
 * nothing is trimmed while a benchmark measures.
 *
 * <p>Not thread-safe: set up and torn down by one JMH thread.
 */
final class TempShardLog implements AutoCloseable {

    private final Path dir;
    private final FileLogEngine engine;
    private final ShardLog log;

    TempShardLog(Durability durability) {
        try {
            this.dir = Files.createTempDirectory(Path.of("/tmp"), "freshet-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.engine = new FileLogEngine(dir, Clock.systemUTC(), Duration.ofHours(1));
        this.log = engine.open("shard-000000", LogConfig.defaults(Duration.ofDays(1), durability));
    }

    ShardLog log() {
        return log;
    }

    /** {@code count} records of {@code bytes} random bytes each, with distinct partition keys. */
    static List<AppendRecord> batch(int count, int bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AppendRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[bytes];
            for (int j = 0; j < bytes; j++) {
                data[j] = (byte) random.nextInt(256);
            }
            records.add(new AppendRecord("pk-" + seed + "-" + i, data));
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        engine.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
