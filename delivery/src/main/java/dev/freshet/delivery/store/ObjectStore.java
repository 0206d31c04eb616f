package dev.freshet.delivery.store;

/**
 * S3-style storage of whole objects in buckets: the Extended S3 destination, S3 backups and error
 * outputs write through it. Two implementations: a local directory laid out as buckets (the
 * embedded default, {@code <data-dir>/s3/<bucket>/<key>}) and an S3-compatible endpoint.
 *
 * <p>Thread-safe.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Stores the object and returns once the store confirmed it: for the local directory, once the
     * file is complete under its final name (never a partial object at that name); for S3, once
     * PutObject or CompleteMultipartUpload answered 200.
     *
     * @param bucket the bucket name (from {@code arn:aws:s3:::NAME})
     * @param key the object key, {@code /}-separated
     * @throws ObjectStoreException when it was not stored; {@link ObjectStoreException#retryable()}
     *     says whether trying again can help
     */
    void put(String bucket, String key, byte[] content) throws ObjectStoreException;

    @Override
    void close();
}
