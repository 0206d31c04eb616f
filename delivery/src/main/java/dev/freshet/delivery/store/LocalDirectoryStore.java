package dev.freshet.delivery.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The embedded default object store: a folder laid out as buckets, {@code <root>/<bucket>/<key>}
 * (the server passes {@code <data-dir>/s3}), keys' {@code /} as sub-folders.
 *
 * <pre>
 *  put(bucket, key):  &lt;root&gt;/&lt;bucket&gt;/.freshet-tmp-&lt;n&gt; ← bytes [force] ─▶ create the key's folders
 *                     ─▶ rename to &lt;root&gt;/&lt;bucket&gt;/&lt;key&gt; [force the folder]
 * </pre>
 *
 * The temporary file lives in the bucket folder (same file system, so the rename is atomic): an
 * object is either absent or complete under its final name. A bucket that has no folder yet is
 * created on first put: with nothing but the embedded default, a user names a bucket in BucketARN
 * and expects objects to appear, as S3 with an existing bucket would do. Leftover temporary files
 * of a crash are removed when the store opens. With {@code fsync} the object and its folder entry
 * are forced before {@code put} returns (survives power loss); otherwise it survives {@code kill -9}.
 *
 * <p>Thread-safe.
 */
public final class LocalDirectoryStore implements ObjectStore {

    static final String TEMPORARY_PREFIX = ".freshet-tmp-";
    /** S3's bucket naming rules, loosely: what is also a safe folder name. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,254}");

    private final Path root;
    private final boolean fsync;
    private final AtomicLong temporaries = new AtomicLong();

    public LocalDirectoryStore(Path root, boolean fsync) {
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
        removeLeftovers();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String bucket, String key, byte[] content) throws ObjectStoreException {
        Path bucketDir = bucketDir(bucket);
        Path target = objectPath(bucketDir, key);
        Path temporary = bucketDir.resolve(TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-"
            + temporaries.incrementAndGet());
        try {
            Files.createDirectories(bucketDir);
            write(temporary, content);
            Files.createDirectories(target.getParent());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                forceFolder(target.getParent());
            }
        } catch (AccessDeniedException e) {
            deleteQuietly(temporary);
            throw new ObjectStoreException("AccessDenied", "cannot write " + target + ": access denied", false, e);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ObjectStoreException("IOException", "cannot write " + target + ": " + reason(e), true, e);
        }
    }

    private Path bucketDir(String bucket) throws ObjectStoreException {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new ObjectStoreException("InvalidBucketName", "The bucket name " + bucket + " is not valid.", false, null);
        }
        return root.resolve(bucket);
    }

    /** The key as a path inside the bucket; keys that would leave it or clash with folders are refused. */
    private static Path objectPath(Path bucketDir, String key) throws ObjectStoreException {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("//") || key.contains("\\")
            || key.indexOf('\0') >= 0) {
            throw invalidKey(key);
        }
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.startsWith(TEMPORARY_PREFIX)) {
                throw invalidKey(key);
            }
        }
        Path path = bucketDir.resolve(key).normalize();
        if (!path.startsWith(bucketDir)) {
            throw invalidKey(key);
        }
        return path;
    }

    private static ObjectStoreException invalidKey(String key) {
        return new ObjectStoreException("InvalidObjectName", "The object key " + key
            + " cannot be stored in a local directory.", false, null);
    }

    private void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync) {
                channel.force(false);
            }
        }
    }

    private static void forceFolder(Path dir) throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    private void removeLeftovers() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var buckets = Files.list(root)) {
            for (Path bucket : (Iterable<Path>) buckets::iterator) {
                if (Files.isDirectory(bucket)) {
                    try (var files = Files.list(bucket)) {
                        files.filter(f -> f.getFileName().toString().startsWith(TEMPORARY_PREFIX))
                            .forEach(LocalDirectoryStore::deleteQuietly);
                    }
                }
            }
        } catch (IOException e) {
            // leftovers are harmless: they never carry an object's name
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file that cannot be removed is swept on the next start
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
    }

    @Override
    public void close() {
    }
}
