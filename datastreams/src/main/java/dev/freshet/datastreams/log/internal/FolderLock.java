package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.LogException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a log folder ({@code .lock}), so two processes never write the same shard
 * logs: the second one fails to start with a clear message instead of corrupting data. The
 * operating system releases it when the process dies, {@code kill -9} included.
 *
 * <p>Thread-safe.
 */
final class FolderLock {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new LogException("the log directory " + folder + " is in use by another Freshet process");
        }
        return new FolderLock(channel, lock);
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock either way; the process may be exiting
        }
    }
}
