package dev.freshet.bench.firehose;

import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default S3: Freshet's local-directory bucket ({@code <data-dir>/s3/<bucket>/}),
 * whose objects the {@link DirectoryWatcher} sees appear through inotify. Visible = the object's
 * file is renamed into the bucket's folder.
 *
 * <p>{@link #watch} on one thread; {@link #close} from any.
 */
final class LocalDirectoryProbe implements DestinationProbe {

    private final String bucket;
    private final DirectoryWatcher watcher;
    // set by watch() before the watcher runs; objects appear only after the stream is created
    private volatile DeliveredRecords delivered;

    LocalDirectoryProbe(DeliveryLoadGenerator.Options options) throws IOException {
        if (options.dataDir() == null) {
            throw new IllegalArgumentException("--destination local needs --data-dir");
        }
        this.bucket = "bench-" + options.label();
        int recordBytes = options.recordBytes();
        this.watcher = new DirectoryWatcher(options.dataDir().resolve("s3").resolve(bucket),
            (file, visible) -> delivered.object(read(file), recordBytes, visible));
    }

    @Override
    public void configure(CreateDeliveryStreamRequest.Builder request, DeliveryLoadGenerator.Options options) {
        DestinationProbes.extendedS3(request, bucket, options);
    }

    @Override
    public void watch(DeliveredRecords delivered) throws IOException {
        this.delivered = delivered;
        watcher.run();
    }

    @Override
    public String visibility() {
        return "object file in the bucket's folder (inotify)";
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }

    private static byte[] read(Path file) {
        try {
            return DestinationProbes.content(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
