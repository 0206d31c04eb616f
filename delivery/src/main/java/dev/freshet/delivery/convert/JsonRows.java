package dev.freshet.delivery.convert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.convert.HiveType.ArrayType;
import dev.freshet.delivery.convert.HiveType.Field;
import dev.freshet.delivery.convert.HiveType.Kind;
import dev.freshet.delivery.convert.HiveType.MapType;
import dev.freshet.delivery.convert.HiveType.Primitive;
import dev.freshet.delivery.convert.HiveType.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one JSON record into a row of the table's type, as the OpenX or Hive JSON SerDe reads it:
 * the record must be one JSON object; keys match columns case-insensitively (unless OpenX
 * CaseInsensitive is false), through ColumnToJsonKeyMappings and, when asked, with dots read as
 * underscores; missing keys and JSON nulls are nulls; unknown keys are ignored; scalars are
 * coerced (numbers from digit strings, booleans from "true"/"false", strings from any scalar and
 * nested JSON as its text); a value that does not fit its column fails the whole record.
 *
 * <p>Row values: {@code Object[]} for structs, {@code List} for arrays, {@code Map} for maps,
 * String, Integer (tinyint/smallint/int; date as epoch days), Long (bigint; timestamp as epoch
 * milliseconds), Float, Double, Boolean, BigDecimal (already at the column's scale).
 *
 * <p>Thread-safe (immutable).
 */
public final class JsonRows {

    private static final ObjectMapper JSON = jsonReader();
    private static final int MAX_NUMBER_TEXT = 1000;

    private final StructType row;
    private final JsonReading reading;
    private final Map<String, String> columnForKey;
    private final Timestamps timestamps;
    /** Each struct type's field index by name, computed once (structs compare by identity here). */
    private final Map<StructType, Map<String, Integer>> indexes = new IdentityHashMap<>();

    public JsonRows(StructType row, JsonReading reading) {
        this.row = row;
        this.reading = reading;
        this.timestamps = Timestamps.of(reading);
        index(row);
        Map<String, String> columnForKey = new HashMap<>();
        reading.keyForColumn().forEach((column, key) -> columnForKey.put(keyName(key), column.toLowerCase(Locale.ROOT)));
        this.columnForKey = Map.copyOf(columnForKey);
    }

    private void index(HiveType type) {
        if (type instanceof StructType struct) {
            indexes.put(struct, struct.indexes());
            struct.fields().forEach(field -> index(field.type()));
        } else if (type instanceof ArrayType array) {
            index(array.element());
        } else if (type instanceof MapType map) {
            index(map.value());
        }
    }

    public StructType rowType() {
        return row;
    }

    /** @throws ConversionException when the record cannot become a row */
    public Object[] convert(byte[] record) {
        JsonNode tree;
        try {
            tree = JSON.readTree(record);
        } catch (JacksonException e) {
            throw new ConversionException("the record is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConversionException("the record cannot be read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ConversionException("the record is not a JSON object");
        }
        return struct(tree, row, "");
    }

    private Object value(JsonNode node, HiveType type, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type instanceof Primitive primitive) {
            return primitive(node, primitive, path);
        }
        if (type instanceof ArrayType array) {
            return array(node, array, path);
        }
        if (type instanceof MapType map) {
            return map(node, map, path);
        }
        return struct(node, (StructType) type, path);
    }

    private Object[] struct(JsonNode node, StructType type, String path) {
        if (!node.isObject()) {
            throw new ConversionException(where(path) + "a JSON object was expected for a struct");
        }
        Object[] values = new Object[type.fields().size()];
        Map<String, Integer> fieldIndexes = indexes.get(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Integer index = fieldIndexes.get(column(entry.getKey()));
            if (index != null) {
                Field field = type.fields().get(index);
                values[index] = value(entry.getValue(), field.type(), path + "." + field.name());
            }
        }
        return values;
    }

    /** The column a JSON key fills: through ColumnToJsonKeyMappings, else the key itself. */
    private String column(String key) {
        String name = keyName(key);
        String mapped = columnForKey.get(name);
        return mapped != null ? mapped : name;
    }

    private String keyName(String key) {
        String name = reading.dotsToUnderscores() ? key.replace('.', '_') : key;
        return reading.caseInsensitive() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private List<Object> array(JsonNode node, ArrayType type, String path) {
        if (!node.isArray()) {
            throw new ConversionException(where(path) + "a JSON array was expected for an array");
        }
        List<Object> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            values.add(value(element, type.element(), path + "[]"));
        }
        return values;
    }

    private Map<Object, Object> map(JsonNode node, MapType type, String path) {
        if (!node.isObject()) {
            throw new ConversionException(where(path) + "a JSON object was expected for a map");
        }
        Map<Object, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object key = primitive(JSON.getNodeFactory().textNode(entry.getKey()), (Primitive) type.key(), path + "{}");
            values.put(key, value(entry.getValue(), type.value(), path + "{}"));
        }
        return values;
    }

    private Object primitive(JsonNode node, Primitive type, String path) {
        if (node.isContainerNode() && type.kind() != Kind.STRING) {
            throw new ConversionException(where(path) + "a " + kindName(type) + " was expected, not "
                + (node.isArray() ? "an array" : "an object"));
        }
        try {
            return switch (type.kind()) {
                case STRING -> node.isTextual() ? node.textValue() : node.toString();
                case TINYINT -> (int) integer(node, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case SMALLINT -> (int) integer(node, Short.MIN_VALUE, Short.MAX_VALUE);
                case INT -> (int) integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case BIGINT -> integer(node, Long.MIN_VALUE, Long.MAX_VALUE);
                case FLOAT -> (float) floating(node);
                case DOUBLE -> floating(node);
                case BOOLEAN -> bool(node);
                case TIMESTAMP -> Timestamps.inHiveRange(node.isNumber() ? timestamps.fromNumber(number(node))
                    : timestamps.fromText(node.asText()));
                case DATE -> date(node);
                case DECIMAL -> decimal(node, type);
            };
        } catch (ConversionException e) {
            throw new ConversionException(where(path) + e.getMessage());
        }
    }

    private static long integer(JsonNode node, long min, long max) {
        BigDecimal number = number(node);
        long value;
        try {
            value = number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new ConversionException(Timestamps.abbreviate(number.toString()) + " is not an integer in range");
        }
        if (value < min || value > max) {
            throw new ConversionException(value + " is out of range");
        }
        return value;
    }

    private static double floating(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return Double.parseDouble(scalarText(node));
        } catch (NumberFormatException e) {
            throw new ConversionException("'" + Timestamps.abbreviate(node.asText()) + "' is not a number");
        }
    }

    private static BigDecimal number(JsonNode node) {
        try {
            if (node.isNumber()) {
                return tame(node.decimalValue());
            }
            String text = scalarText(node).trim();
            // Jackson caps JSON numbers at 1000 characters; text gets the same cap (BigDecimal parsing is quadratic)
            return text.length() > MAX_NUMBER_TEXT ? failNumber(node) : tame(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return failNumber(node);
        }
    }

    /**
     * Rounds a magnitude below 10^-40 to zero and refuses one above 10^40: exact arithmetic on a
     * JSON number such as {@code 1e-999999999} would otherwise compute a billion-digit power of ten.
     */
    static BigDecimal tame(BigDecimal number) {
        if (number.signum() == 0 || number.scale() - number.precision() > 40) {
            return BigDecimal.ZERO;
        }
        if (number.precision() - number.scale() > 40) {
            throw new ConversionException(Timestamps.abbreviate(number.toString()) + " is out of range");
        }
        return number;
    }

    private static BigDecimal failNumber(JsonNode node) {
        throw new ConversionException("'" + Timestamps.abbreviate(node.asText()) + "' is not a number");
    }

    private static boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = scalarText(node).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConversionException("'" + Timestamps.abbreviate(text) + "' is not a boolean");
    }

    private static int date(JsonNode node) {
        try {
            return Math.toIntExact(LocalDate.parse(scalarText(node).trim()).toEpochDay());
        } catch (DateTimeException | ArithmeticException e) {
            throw new ConversionException("'" + Timestamps.abbreviate(node.asText()) + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static BigDecimal decimal(JsonNode node, Primitive type) {
        BigDecimal rounded = number(node).setScale(type.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() > type.precision()) {
            throw new ConversionException(Timestamps.abbreviate(rounded.toString()) + " does not fit decimal("
                + type.precision() + "," + type.scale() + ")");
        }
        return rounded;
    }

    private static String scalarText(JsonNode node) {
        if (!node.isValueNode()) {
            throw new ConversionException("a scalar was expected");
        }
        return node.asText();
    }

    private static String kindName(Primitive type) {
        return type.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : "column " + path.substring(1) + ": ";
    }

    private static ObjectMapper jsonReader() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
        return mapper;
    }
}
