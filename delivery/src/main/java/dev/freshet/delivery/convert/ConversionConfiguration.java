package dev.freshet.delivery.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.destination.ConfigFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Reads an Extended S3 configuration's DataFormatConversionConfiguration into a
 * {@link FormatConversion}, answering what Freshet cannot do (a Glue table reference, ORC, LZO)
 * as InvalidArgumentException.
 *
 * <p>Stateless.
 */
public final class ConversionConfiguration {

    private static final String PATH = "DataFormatConversionConfiguration";

    private ConversionConfiguration() {
    }

    /** The conversion, or empty when the configuration has none or it is disabled. */
    public static Optional<FormatConversion> from(JsonNode destinationConfiguration) {
        JsonNode conversion = destinationConfiguration.get(PATH);
        if (conversion == null || !conversion.isObject() || !conversion.path("Enabled").asBoolean(true)) {
            return Optional.empty();
        }
        SchemaReference schema = SchemaReference.from(conversion.get("SchemaConfiguration"));
        JsonReading reading = reading(conversion.path("InputFormatConfiguration").path("Deserializer"));
        ParquetSettings parquet = parquet(conversion.path("OutputFormatConfiguration").path("Serializer"));
        try {
            return Optional.of(new FormatConversion(new JsonRows(schema.row(), reading),
                new ParquetFile(schema.row(), parquet), schema.catalogTable()));
        } catch (IllegalArgumentException e) {
            throw DeliveryException.invalidArgument(PATH + ".InputFormatConfiguration: " + e.getMessage());
        }
    }

    private static JsonReading reading(JsonNode deserializer) {
        JsonNode openX = deserializer.get("OpenXJsonSerDe");
        JsonNode hive = deserializer.get("HiveJsonSerDe");
        boolean hasOpenX = openX != null && openX.isObject();
        boolean hasHive = hive != null && hive.isObject();
        if (hasOpenX == hasHive) {
            throw DeliveryException.invalidArgument(PATH + ".InputFormatConfiguration.Deserializer must have exactly one "
                + "of OpenXJsonSerDe and HiveJsonSerDe.");
        }
        if (hasHive) {
            List<String> formats = new ArrayList<>();
            hive.path("TimestampFormats").forEach(format -> formats.add(format.asText()));
            return new JsonReading(false, true, Map.of(), false, formats);
        }
        Map<String, String> mappings = new LinkedHashMap<>();
        openX.path("ColumnToJsonKeyMappings").fields()
            .forEachRemaining(e -> mappings.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return new JsonReading(true, openX.path("CaseInsensitive").asBoolean(true), mappings,
            openX.path("ConvertDotsInJsonKeysToUnderscores").asBoolean(false), List.of());
    }

    private static ParquetSettings parquet(JsonNode serializer) {
        if (serializer.hasNonNull("OrcSerDe")) {
            throw DeliveryException.invalidArgument(PATH + ": ORC output (OrcSerDe) is not supported; use ParquetSerDe.");
        }
        JsonNode serDe = serializer.get("ParquetSerDe");
        if (serDe == null || !serDe.isObject()) {
            throw DeliveryException.invalidArgument(PATH + ".OutputFormatConfiguration.Serializer.ParquetSerDe is required.");
        }
        String path = PATH + ".OutputFormatConfiguration.Serializer.ParquetSerDe";
        ParquetSettings defaults = ParquetSettings.defaults();
        return new ParquetSettings(
            ConfigFields.intIn(serDe, path, "BlockSizeBytes", ParquetSettings.MIN_BLOCK_SIZE, Integer.MAX_VALUE,
                defaults.blockSizeBytes()),
            ConfigFields.intIn(serDe, path, "PageSizeBytes", ParquetSettings.MIN_PAGE_SIZE, Integer.MAX_VALUE,
                defaults.pageSizeBytes()),
            codec(ConfigFields.text(serDe, "Compression"), path),
            serDe.path("EnableDictionaryCompression").asBoolean(defaults.dictionary()),
            ConfigFields.intIn(serDe, path, "MaxPaddingBytes", 0, Integer.MAX_VALUE, defaults.maxPaddingBytes()),
            "V2".equals(ConfigFields.text(serDe, "WriterVersion")) ? WriterVersion.PARQUET_2_0 : WriterVersion.PARQUET_1_0);
    }

    private static CompressionCodecName codec(String name, String path) {
        if (name == null) {
            return ParquetSettings.defaults().codec();
        }
        CompressionCodecName codec;
        try {
            codec = CompressionCodecName.valueOf(name);
        } catch (IllegalArgumentException e) {
            codec = null;
        }
        if (codec == null || !ParquetCodecs.supports(codec)) {
            throw DeliveryException.invalidArgument(path + ".Compression " + name
                + " is not supported; use UNCOMPRESSED, SNAPPY or GZIP.");
        }
        return codec;
    }
}
