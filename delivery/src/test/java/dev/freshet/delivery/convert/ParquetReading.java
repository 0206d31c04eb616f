package dev.freshet.delivery.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.PlainReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/** Reads Parquet bytes back with parquet-java's own file reader and example record model, without Hadoop. */
public final class ParquetReading {

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    public record Read(ParquetMetadata footer, List<Group> rows) {
        public MessageType schema() {
            return footer.getFileMetaData().getSchema();
        }
    }

    private ParquetReading() {
    }

    /**
     * Decodes a Hive/Impala INT96 timestamp (nanos of day as int64 LE, then the Julian day as
     * int32 LE) to its UTC instant, independently of the writer's encoder.
     */
    public static Instant int96(Binary value) {
        if (value.length() != 12) {
            throw new IllegalArgumentException("INT96 has 12 bytes, got " + value.length());
        }
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        return LocalDate.EPOCH.plusDays(julianDay - JULIAN_DAY_OF_EPOCH).atStartOfDay(ZoneOffset.UTC).toInstant()
            .plusNanos(nanosOfDay);
    }

    public static Read read(byte[] parquet) throws IOException {
        Path file = Files.createTempFile("freshet-", ".parquet");
        try {
            Files.write(file, parquet);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                    PlainReadOptions.of(new ParquetCodecs()))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<Group> rows = new ArrayList<>();
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long i = 0; i < pages.getRowCount(); i++) {
                        rows.add(records.read());
                    }
                }
                return new Read(reader.getFooter(), rows);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
