package dev.freshet.web.protocol;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compact declarative model of an operation's input, mirroring the Smithy/botocore shapes and the
 * constraints the service checks (min/max length, pattern, enum, min/max value, required members).
 *
 * <p>Shapes are built with the factories here and refined with the "with" methods, each returning a
 * new immutable shape:
 * <pre>
 *  StringShape streamName = Shape.string("StreamName").length(1, 128).pattern("[a-zA-Z0-9_.-]+");
 *  StructureShape input = Shape.structure("DeleteStreamInput",
 *          Member.optional("StreamName", streamName), Member.required("Limit", Shape.integer("Limit").range(1, 100)));
 * </pre>
 * A null bound means "no constraint". Patterns must match the whole value, as in the service.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Shape permits Shape.StringShape, Shape.IntegerShape, Shape.BooleanShape,
        Shape.BlobShape, Shape.TimestampShape, Shape.ListShape, Shape.MapShape, Shape.StructureShape {

    /** The model's shape name, e.g. {@code PutRecordsRequestEntry}. */
    String name();

    static StringShape string(String name) {
        return new StringShape(name, null, null, null, List.of());
    }

    /** A string restricted to the given values (reported in this order). */
    static StringShape enumeration(String name, String... values) {
        return new StringShape(name, null, null, null, List.of(values));
    }

    /** A 32-bit integer. */
    static IntegerShape integer(String name) {
        return new IntegerShape(name, false, null, null);
    }

    /** A 64-bit integer. */
    static IntegerShape longInteger(String name) {
        return new IntegerShape(name, true, null, null);
    }

    static BooleanShape bool(String name) {
        return new BooleanShape(name);
    }

    static BlobShape blob(String name) {
        return new BlobShape(name, null, null);
    }

    static TimestampShape timestamp(String name) {
        return new TimestampShape(name);
    }

    static ListShape list(String name, Shape member) {
        return new ListShape(name, member, null, null);
    }

    static MapShape map(String name, StringShape key, Shape value) {
        return new MapShape(name, key, value, null, null);
    }

    static StructureShape structure(String name, Member... members) {
        return new StructureShape(name, List.of(members));
    }

    /** Text; length counts UTF-16 code units, as Java's {@code String.length()}. */
    record StringShape(String name, Integer minLength, Integer maxLength, Pattern pattern, List<String> enumValues)
            implements Shape {

        public StringShape length(int min, int max) {
            return new StringShape(name, min, max, pattern, enumValues);
        }

        public StringShape minLength(int min) {
            return new StringShape(name, min, maxLength, pattern, enumValues);
        }

        public StringShape pattern(String regex) {
            return new StringShape(name, minLength, maxLength, Pattern.compile(regex), enumValues);
        }
    }

    /** An integer ({@code isLong} false: 32 bits) with an optional value range. */
    record IntegerShape(String name, boolean isLong, Long min, Long max) implements Shape {

        public IntegerShape range(long newMin, long newMax) {
            return new IntegerShape(name, isLong, newMin, newMax);
        }

        public IntegerShape min(long newMin) {
            return new IntegerShape(name, isLong, newMin, max);
        }
    }

    record BooleanShape(String name) implements Shape {
    }

    /** Bytes; length counts bytes. */
    record BlobShape(String name, Integer minLength, Integer maxLength) implements Shape {

        public BlobShape length(int min, int max) {
            return new BlobShape(name, min, max);
        }
    }

    record TimestampShape(String name) implements Shape {
    }

    /** A list; length counts elements. */
    record ListShape(String name, Shape member, Integer minLength, Integer maxLength) implements Shape {

        public ListShape length(int min, int max) {
            return new ListShape(name, member, min, max);
        }
    }

    /** A map with string keys; length counts entries. */
    record MapShape(String name, StringShape key, Shape value, Integer minLength, Integer maxLength)
            implements Shape {

        public MapShape length(int min, int max) {
            return new MapShape(name, key, value, min, max);
        }
    }

    /** A structure; members are checked and reported in declaration order. */
    record StructureShape(String name, List<Member> members) implements Shape {

        public StructureShape {
            members = List.copyOf(members);
        }
    }

    /** A member of a structure: its model name, shape and whether it is required. */
    record Member(String name, Shape shape, boolean required) {

        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
        }

        public static Member required(String name, Shape shape) {
            return new Member(name, shape, true);
        }

        public static Member optional(String name, Shape shape) {
            return new Member(name, shape, false);
        }

        /** The name as validation messages print it: first letter lower-cased ({@code streamARN}). */
        public String pathName() {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
    }
}
