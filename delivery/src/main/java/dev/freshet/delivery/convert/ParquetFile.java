package dev.freshet.delivery.convert;

import dev.freshet.delivery.convert.HiveType.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes rows as one complete Parquet file in memory (an S3 object's body), through
 * parquet-java's Hadoop-free builder: an {@link OutputFile} over a byte buffer, a
 * {@link PlainParquetConfiguration} and {@link ParquetCodecs}.
 *
 * <p>Thread-safe (immutable; each call writes its own file).
 */
final class ParquetFile {

    private final StructType row;
    private final ParquetSettings settings;

    ParquetFile(StructType row, ParquetSettings settings) {
        this.row = row;
        this.settings = settings;
    }

    byte[] write(List<Object[]> rows) {
        Buffer buffer = new Buffer();
        try (ParquetWriter<Object[]> writer = new Builder(buffer, row)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(settings.codec())
                .withRowGroupSize((long) settings.blockSizeBytes())
                .withPageSize(settings.pageSizeBytes())
                .withDictionaryEncoding(settings.dictionary())
                .withMaxPaddingSize(settings.maxPaddingBytes())
                .withWriterVersion(settings.writerVersion())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Object[] values : rows) {
                writer.write(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a Parquet file in memory", e);
        }
        return buffer.toByteArray();
    }

    /** The builder over an {@link OutputFile}; the Hadoop overload is declared by parquet-java and never called. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

        private final StructType row;

        Builder(OutputFile file, StructType row) {
            super(file);
            this.row = row;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport(row);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new RowWriteSupport(row);
        }
    }

    /** An in-memory {@link OutputFile}: the writer asks for one stream and its position. */
    private static final class Buffer extends ByteArrayOutputStream implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return stream();
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return stream();
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        private PositionOutputStream stream() {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return count;
                }

                @Override
                public void write(int b) {
                    Buffer.this.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    Buffer.this.write(bytes, offset, length);
                }
            };
        }
    }
}
