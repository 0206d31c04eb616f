package dev.freshet.delivery.convert;

import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The ParquetSerDe members, with the service's defaults.
 *
 * @param blockSizeBytes BlockSizeBytes: the row-group size (default 256 MiB, at least 64 MiB)
 * @param pageSizeBytes PageSizeBytes (default 1 MiB, at least 64 KiB)
 * @param codec Compression (default SNAPPY; UNCOMPRESSED, GZIP; LZO is refused)
 * @param dictionary EnableDictionaryCompression (default false)
 * @param maxPaddingBytes MaxPaddingBytes (default 0)
 * @param writerVersion WriterVersion V1 (default) or V2
 */
public record ParquetSettings(int blockSizeBytes, int pageSizeBytes, CompressionCodecName codec, boolean dictionary,
        int maxPaddingBytes, WriterVersion writerVersion) {

    public static final int DEFAULT_BLOCK_SIZE = 256 << 20;
    public static final int MIN_BLOCK_SIZE = 64 << 20;
    public static final int DEFAULT_PAGE_SIZE = 1 << 20;
    public static final int MIN_PAGE_SIZE = 64 << 10;

    public static ParquetSettings defaults() {
        return new ParquetSettings(DEFAULT_BLOCK_SIZE, DEFAULT_PAGE_SIZE, CompressionCodecName.SNAPPY, false, 0,
            WriterVersion.PARQUET_1_0);
    }
}
