package dev.freshet.bench.firehose;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reports every regular file that appears under a folder (its sub-folders included, as they
 * appear: Firehose's default prefix makes {@code yyyy/MM/dd/HH/} folders) with the time it was
 * seen, through inotify (the JDK's WatchService on Linux). A folder is scanned when it is
 * registered, so files written before the watch existed are not missed. Files whose names start
 * with a dot (temporary files of an atomic write) are ignored.
 *
 * <p>Not thread-safe: run it on one thread until {@link #close}.
 */
final class DirectoryWatcher implements AutoCloseable {

    private final WatchService watch;
    private final Set<Path> reported = new HashSet<>();
    private final BiConsumer<Path, Long> onFile;

    DirectoryWatcher(Path root, BiConsumer<Path, Long> onFile) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.onFile = onFile;
        Files.createDirectories(root);
        register(root);
    }

    /** Watches until closed. */
    void run() throws IOException {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        seen(folder.resolve(name));
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the run is over
        }
    }

    private void register(Path folder) throws IOException {
        // a rename into the folder is an ENTRY_CREATE too
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                seen(entry);
            }
        }
    }

    private void seen(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            register(path);
        } else if (Files.isRegularFile(path) && !path.getFileName().toString().startsWith(".")
                && reported.add(path)) {
            onFile.accept(path, Clock.nowMicros());
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
