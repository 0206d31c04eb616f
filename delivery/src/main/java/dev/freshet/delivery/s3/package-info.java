/**
 * The Extended S3 destination over an {@link dev.freshet.delivery.store.ObjectStore}: the
 * service's prefix expressions and rules ({@link dev.freshet.delivery.s3.S3Prefix},
 * {@link dev.freshet.delivery.s3.PrefixRules}), object names ({@link dev.freshet.delivery.s3.ObjectKeys}),
 * object content ({@link dev.freshet.delivery.s3.ObjectFormat}: concatenated and compressed, or one
 * Parquet file from {@link dev.freshet.delivery.convert}), retries, error output and source-record backup.
 */
package dev.freshet.delivery.s3;
