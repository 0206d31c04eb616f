package org.apache.parquet;

import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options without Hadoop, for the tests' reader: {@code ParquetReadOptions.builder()} always
 * creates Hadoop's codec factory, and the constructor that takes ours is package-private.
 * (Test code only; the server never reads Parquet.)
 */
public final class PlainReadOptions {

    private PlainReadOptions() {
    }

    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, false, false, false, false, true, false, false, false,
            FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
            8 << 20, Map.of(), null, null, new PlainParquetConfiguration());
    }
}
