package dev.freshet.delivery.convert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page codecs without Hadoop: parquet-java's own {@code CodecFactory} loads Hadoop's codec classes
 * even for UNCOMPRESSED, so the writer (and the tests' reader) get these instead. SNAPPY pages are
 * raw Snappy blocks (snappy-java), GZIP pages a gzip stream (the JDK), as the Parquet format says.
 * LZO is not offered (it would need the GPL hadoop-lzo).
 *
 * <p>Thread-safe (stateless).
 */
public final class ParquetCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(ParquetCodecs.decompress(codec, compressed, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    static boolean supports(CompressionCodecName codec) {
        return codec == CompressionCodecName.UNCOMPRESSED || codec == CompressionCodecName.SNAPPY
            || codec == CompressionCodecName.GZIP;
    }

    private static byte[] compress(CompressionCodecName codec, byte[] raw) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> raw;
            case SNAPPY -> Snappy.compress(raw);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(raw);
                }
                yield out.toByteArray();
            }
            default -> throw new IOException("the " + codec + " codec is not supported");
        };
    }

    private static byte[] decompress(CompressionCodecName codec, byte[] compressed, int size) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> compressed;
            case SNAPPY -> Snappy.uncompress(compressed);
            case GZIP -> {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                    yield gzip.readNBytes(size);
                }
            }
            default -> throw new IOException("the " + codec + " codec is not supported");
        };
    }
}
