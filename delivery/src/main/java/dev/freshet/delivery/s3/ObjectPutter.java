package dev.freshet.delivery.s3;

import dev.freshet.delivery.destination.RetryPolicy;
import dev.freshet.delivery.destination.StreamHealth;
import dev.freshet.delivery.store.ObjectStore;
import dev.freshet.delivery.store.ObjectStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores an object and does not give up: the service retries S3 for 24 hours, and data is never
 * dropped here, so a put returns only once the store confirmed it (or the stream stops). Retryable
 * failures back off from 1 s; others (no such bucket, access denied) are reported to the stream's
 * health and retried slowly, so fixing the bucket resumes delivery.
 *
 * <p>Thread-safe.
 */
public final class ObjectPutter {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectPutter.class);

    private final ObjectStore store;
    private final RetryPolicy retry;
    private final StreamHealth health;

    public ObjectPutter(ObjectStore store, RetryPolicy retry, StreamHealth health) {
        this.store = store;
        this.retry = retry;
        this.health = health;
    }

    /**
     * @throws InterruptedException when the stream stops meanwhile; the object may or may not exist
     */
    public void put(String bucket, String key, byte[] content) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                store.put(bucket, key, content);
                if (failures > 0) {
                    health.recovered();
                }
                return;
            } catch (ObjectStoreException e) {
                failures++;
                health.failing("S3." + e.errorCode(), e.getMessage());
                long delay = retry.delayMillis(failures, e.retryable());
                LOG.atWarn().setMessage("object not stored, retrying").addKeyValue("bucket", bucket).addKeyValue("key", key)
                    .addKeyValue("error", e.errorCode()).addKeyValue("retryInMs", delay).log();
                Thread.sleep(delay);
            }
        }
    }
}
