/** Compression of delivered objects: the S3 destinations' CompressionFormat values. */
package dev.freshet.delivery.compress;
