package dev.freshet.delivery.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionFormatTest {

    private static byte[] sample() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            text.append("{\"id\":").append(i).append(",\"v\":").append(random.nextInt(1000)).append("}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] compress(CompressionFormat format, byte[] data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = format.wrap(sink, "entry")) {
            out.write(data, 0, data.length / 3);
            out.write(data, data.length / 3, data.length - data.length / 3);
        }
        return sink.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(CompressionFormat.class)
    void roundTripsWithTheMatchingDecoder(CompressionFormat format) throws IOException {
        byte[] data = sample();
        byte[] compressed = compress(format, data);
        assertThat(Decoders.decode(format, compressed)).isEqualTo(data);
        if (format != CompressionFormat.UNCOMPRESSED) {
            assertThat(compressed.length).isLessThan(data.length);
        }
    }

    @Test
    void emptyContentIsAValidObjectInEveryFormat() throws IOException {
        for (CompressionFormat format : CompressionFormat.values()) {
            assertThat(Decoders.decode(format, compress(format, new byte[0]))).as(format.name()).isEmpty();
        }
    }

    @Test
    void zipHoldsOneEntryWithTheGivenName() throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(compress(CompressionFormat.ZIP, sample())))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry.getName()).isEqualTo("entry");
            zip.readAllBytes();
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    @Test
    void namesAndExtensionsAreTheServices() {
        assertThat(CompressionFormat.fromAwsName("Snappy")).isEqualTo(CompressionFormat.SNAPPY);
        assertThat(CompressionFormat.fromAwsName(null)).isEqualTo(CompressionFormat.UNCOMPRESSED);
        assertThat(CompressionFormat.GZIP.extension()).isEqualTo(".gz");
        assertThat(CompressionFormat.ZIP.extension()).isEqualTo(".zip");
        assertThat(CompressionFormat.SNAPPY.extension()).isEqualTo(".snappy");
        assertThat(CompressionFormat.UNCOMPRESSED.extension()).isEmpty();
        assertThatThrownBy(() -> CompressionFormat.fromAwsName("snappy")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snappyIsTheFramingFormatWithItsStreamIdentifier() throws IOException {
        byte[] compressed = compress(CompressionFormat.SNAPPY, sample());
        byte[] identifier = {(byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'};
        assertThat(java.util.Arrays.copyOf(compressed, identifier.length)).isEqualTo(identifier);
    }
}
