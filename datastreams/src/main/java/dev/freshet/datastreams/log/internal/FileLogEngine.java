package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogEngine;
import dev.freshet.datastreams.log.LogException;
import dev.freshet.datastreams.log.ShardLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file-backed {@link LogEngine}: one folder per shard log under {@code <root>}, a small pool
 * that takes over group commits from busy callers, and a cleaner that applies retention every
 * {@code retentionCheck}.
 *
 * <p>Thread-safe.
 */
public final class FileLogEngine implements LogEngine {

    static final Logger LOG = LoggerFactory.getLogger(FileLogEngine.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final String DELETED_DIR_SUFFIX = ".deleted";

    private final Path root;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, FileShardLog> open = new ConcurrentHashMap<>();
    private final ExecutorService handoff;
    private final ScheduledExecutorService cleaner;
    private final FolderLock lock;

    public FileLogEngine(Path root, InstantSource clock, Duration retentionCheck) {
        this.root = root;
        this.clock = clock;
        try {
            Files.createDirectories(root);
            this.lock = FolderLock.acquire(root);
            removeDeletedFolders();
        } catch (IOException e) {
            throw new LogException("cannot use log directory " + root, e);
        }
        this.handoff = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            daemon("freshet-log-commit"));
        this.cleaner = Executors.newSingleThreadScheduledExecutor(daemon("freshet-log-retention"));
        long period = Math.max(1, retentionCheck.toMillis());
        cleaner.scheduleWithFixedDelay(this::enforceRetentionQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public ShardLog open(String id, LogConfig config) {
        checkId(id);
        return open.computeIfAbsent(id, key -> FileShardLog.open(key, root.resolve(key), config, clock, handoff));
    }

    @Override
    public Optional<ShardLog> find(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        FileShardLog log = open.get(id);
        return log != null ? Optional.of(log) : Optional.empty();
    }

    @Override
    public Set<String> ids() {
        Set<String> ids = new HashSet<>(open.keySet());
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                .filter(name -> SAFE_ID.matcher(name).matches() && !name.endsWith(DELETED_DIR_SUFFIX))
                .forEach(ids::add);
        } catch (IOException e) {
            throw new LogException("cannot list " + root, e);
        }
        return ids;
    }

    @Override
    public void delete(String id) {
        checkId(id);
        FileShardLog log = open.remove(id);
        if (log != null) {
            log.markDeleted();
        }
        Path dir = root.resolve(id);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Path doomed = root.resolve(id + "." + System.nanoTime() + DELETED_DIR_SUFFIX);
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            removeTree(doomed);
        } catch (IOException e) {
            throw new LogException("cannot delete shard log " + id, e);
        }
    }

    @Override
    public void enforceRetention() {
        for (FileShardLog log : open.values()) {
            log.enforceRetention();
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        for (FileShardLog log : open.values()) {
            try {
                log.close();
            } catch (RuntimeException e) {
                LOG.atError().setMessage("closing shard log failed").addKeyValue("log", log.id()).setCause(e).log();
            }
        }
        open.clear();
        handoff.shutdown();
        lock.release();
    }

    /**
     * Leaves the folder as a killed process would: stops background work and releases the folder
     * lock without committing, flushing indexes or marking a clean shutdown. Open logs must not be
     * used afterwards. (Crash-recovery tests use it to restart within one JVM.)
     */
    void abandon() {
        cleaner.shutdownNow();
        handoff.shutdownNow();
        open.clear();
        lock.release();
    }

    private void enforceRetentionQuietly() {
        try {
            enforceRetention();
        } catch (RuntimeException e) {
            LOG.atError().setMessage("retention pass failed").setCause(e).log();
        }
    }

    private void removeDeletedFolders() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().endsWith(DELETED_DIR_SUFFIX)).toList()) {
                removeTree(dir);
            }
        }
    }

    private static void removeTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void checkId(String id) {
        if (!SAFE_ID.matcher(id).matches() || id.endsWith(DELETED_DIR_SUFFIX)) {
            throw new IllegalArgumentException("invalid shard log id: " + id);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
