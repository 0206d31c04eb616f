package dev.freshet.delivery.convert;

import dev.freshet.delivery.convert.HiveType.ArrayType;
import dev.freshet.delivery.convert.HiveType.Field;
import dev.freshet.delivery.convert.HiveType.Kind;
import dev.freshet.delivery.convert.HiveType.MapType;
import dev.freshet.delivery.convert.HiveType.Primitive;
import dev.freshet.delivery.convert.HiveType.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Hive type names (the {@code Type} of a Glue column), case-insensitively, whitespace allowed
 * between tokens:
 * <pre>
 * type   := string | varchar(n) | char(n) | tinyint | smallint | int | integer | bigint | float
 *         | double | boolean | timestamp | date | decimal[(p[,s])]
 *         | array&lt;type&gt; | map&lt;primitive,type&gt; | struct&lt;name:type[,name:type]*&gt;
 * </pre>
 * {@code binary} and {@code uniontype} are not supported.
 *
 * <p>Thread-safe (stateless; each parse uses its own cursor).
 */
public final class HiveTypes {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int at;

    private HiveTypes(String text) {
        this.text = text;
    }

    /** The row type: a struct with at least one column. */
    public static StructType parseRow(String text) {
        HiveType type = parse(text);
        if (!(type instanceof StructType row) || row.fields().isEmpty()) {
            throw new IllegalArgumentException("the row type must be struct<column:type,…>");
        }
        return row;
    }

    public static HiveType parse(String text) {
        HiveTypes parser = new HiveTypes(text);
        HiveType type = parser.type(0);
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected text");
        }
        return type;
    }

    private HiveType type(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("types nested too deeply");
        }
        String name = word().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "string" -> new Primitive(Kind.STRING);
            case "varchar", "char" -> {
                expect('(');
                number();
                expect(')');
                yield new Primitive(Kind.STRING);
            }
            case "tinyint" -> new Primitive(Kind.TINYINT);
            case "smallint" -> new Primitive(Kind.SMALLINT);
            case "int", "integer" -> new Primitive(Kind.INT);
            case "bigint" -> new Primitive(Kind.BIGINT);
            case "float" -> new Primitive(Kind.FLOAT);
            case "double" -> new Primitive(Kind.DOUBLE);
            case "boolean" -> new Primitive(Kind.BOOLEAN);
            case "timestamp" -> new Primitive(Kind.TIMESTAMP);
            case "date" -> new Primitive(Kind.DATE);
            case "decimal" -> decimal();
            case "array" -> array(depth);
            case "map" -> map(depth);
            case "struct" -> struct(depth);
            default -> throw error("unknown or unsupported type '" + name + "'");
        };
    }

    /** Hive's default is decimal(10,0); precision 1–38, scale 0–precision. */
    private HiveType decimal() {
        int precision = 10;
        int scale = 0;
        if (peek('(')) {
            expect('(');
            precision = number();
            if (peek(',')) {
                expect(',');
                scale = number();
            }
            expect(')');
        }
        if (precision < 1 || precision > 38 || scale > precision) {
            throw error("decimal(" + precision + "," + scale + ") is out of range");
        }
        return new Primitive(Kind.DECIMAL, precision, scale);
    }

    private HiveType array(int depth) {
        expect('<');
        HiveType element = type(depth + 1);
        expect('>');
        return new ArrayType(element);
    }

    private HiveType map(int depth) {
        expect('<');
        HiveType key = type(depth + 1);
        if (!(key instanceof Primitive)) {
            throw error("map keys must be primitive");
        }
        expect(',');
        HiveType value = type(depth + 1);
        expect('>');
        return new MapType(key, value);
    }

    private HiveType struct(int depth) {
        expect('<');
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        do {
            String name = word().toLowerCase(Locale.ROOT);
            if (!names.add(name)) {
                throw error("duplicate field '" + name + "'");
            }
            expect(':');
            fields.add(new Field(name, type(depth + 1)));
        } while (tryConsume(','));
        expect('>');
        return new StructType(fields);
    }

    private String word() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw error("a name was expected");
        }
        return text.substring(start, at);
    }

    private int number() {
        String digits = word();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error("a number was expected, not '" + digits + "'");
        }
    }

    private boolean peek(char c) {
        skipSpace();
        return at < text.length() && text.charAt(at) == c;
    }

    private boolean tryConsume(char c) {
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw error("'" + c + "' was expected");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(reason + " at character " + at + " of the type");
    }
}
