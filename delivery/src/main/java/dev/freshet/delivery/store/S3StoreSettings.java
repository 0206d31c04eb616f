package dev.freshet.delivery.store;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach an S3-compatible endpoint (MinIO, Ceph RGW, s3proxy, AWS S3 itself): the server's
 * settings for {@link S3ObjectStore}.
 *
 * @param endpoint the service URL, e.g. {@code http://127.0.0.1:9000}; requests go there instead of
 *     AWS's regional endpoints
 * @param region the region requests are signed for (SigV4); most S3-compatible stores accept any
 * @param accessKeyId static credentials
 * @param secretAccessKey static credentials
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most
 *     self-hosted stores need it
 * @param multipartThreshold objects of this many bytes or more go up as a multipart upload
 * @param partSize bytes per part of a multipart upload (S3: at least 5 MiB except the last part)
 */
public record S3StoreSettings(URI endpoint, String region, String accessKeyId, String secretAccessKey,
        boolean pathStyle, long multipartThreshold, int partSize) {

    /** S3's smallest part (all parts but the last must be at least this big). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 16 * 1024 * 1024;
    public static final long DEFAULT_MULTIPART_THRESHOLD = DEFAULT_PART_SIZE;

    public S3StoreSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("S3 endpoint must be an absolute http(s) URL: " + endpoint);
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 part size must be at least 5 MiB: " + partSize);
        }
        if (multipartThreshold < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 multipart threshold must be at least 5 MiB: " + multipartThreshold);
        }
    }

    /** Path-style access, 16 MiB parts, multipart from 16 MiB on. */
    public static S3StoreSettings of(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        return new S3StoreSettings(endpoint, region, accessKeyId, secretAccessKey, true,
            DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);
    }

    public S3StoreSettings withMultipart(long threshold, int size) {
        return new S3StoreSettings(endpoint, region, accessKeyId, secretAccessKey, pathStyle, threshold, size);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3StoreSettings[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
            + ", pathStyle=" + pathStyle + ", multipartThreshold=" + multipartThreshold + ", partSize=" + partSize + "]";
    }
}
