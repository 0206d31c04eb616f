package dev.freshet.datastreams.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One small metadata file replaced as a whole, atomically: after any crash it holds either the
 * previous or the new snapshot, never a mix.
 *
 * <pre>
 *  write(version, bytes):  &lt;name&gt;.tmp ← bytes, force ─▶ rename over &lt;name&gt; ─▶ force the folder
 *  read():                 delete a leftover &lt;name&gt;.tmp (a write that never got renamed), read &lt;name&gt;
 * </pre>
 *
 * <p>Version order: callers take snapshots in version order (under their own lock) but may write
 * them outside it, so two writers can race. A write whose version is not above the highest one
 * written so far is skipped: a newer snapshot written first is never replaced by an older one.
 * Versions are per instance; a new instance (after a restart) accepts any first version.
 *
 * <p>I/O failures surface as {@link UncheckedIOException} naming the file.
 *
 * <p>Thread-safe: writes are serialised.
 */
public final class SnapshotFile {

    private final Path dir;
    private final Path file;
    private final Path temporary;
    private long lastWritten = Long.MIN_VALUE;

    /** The file {@code name} in folder {@code dir}; the folder is created on first use. */
    public SnapshotFile(Path dir, String name) {
        this.dir = dir;
        this.file = dir.resolve(name);
        this.temporary = dir.resolve(name + ".tmp");
    }

    public Path path() {
        return file;
    }

    /** The last snapshot written, or empty when there is none yet. Removes an unfinished write. */
    public Optional<byte[]> read() {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(temporary);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata file " + file, e);
        }
    }

    /**
     * Writes snapshot number {@code version} durably, unless a snapshot with this or a higher
     * version was written already.
     *
     * @return whether the snapshot was written (false: it was stale and skipped)
     */
    public synchronized boolean write(long version, byte[] snapshot) {
        if (version <= lastWritten) {
            return false;
        }
        lastWritten = version;
        try {
            Files.createDirectories(dir);
            writeForced(snapshot);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metadata file " + file, e);
        }
        return true;
    }

    private void writeForced(byte[] snapshot) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(snapshot);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the rename itself durable (the folder entry lives in the folder's own blocks). */
    private void forceFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }
}
