package dev.freshet.delivery.convert;

import dev.freshet.delivery.convert.HiveType.ArrayType;
import dev.freshet.delivery.convert.HiveType.Field;
import dev.freshet.delivery.convert.HiveType.MapType;
import dev.freshet.delivery.convert.HiveType.Primitive;
import dev.freshet.delivery.convert.HiveType.StructType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Maps a Hive row type to the Parquet schema of the files: every column optional (JSON may lack
 * it); lists and maps in the standard three-level layout ({@code list.element},
 * {@code key_value.key/value}); strings as UTF-8 binaries; timestamps as INT96 without a logical
 * type, as the service's Hive Parquet SerDe writes them ({@link Int96Timestamps}; Athena, Spark,
 * Hive and DuckDB read them as timestamps); dates as INT32 {@code DATE}; decimals as binary
 * {@code DECIMAL(p,s)}.
 *
 * <p>Thread-safe (stateless).
 */
final class ParquetSchemas {

    static final String ROW_NAME = "hive_schema";

    private ParquetSchemas() {
    }

    static MessageType of(StructType row) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : row.fields()) {
            message.addField(type(field.name(), field.type(), Repetition.OPTIONAL));
        }
        return message.named(ROW_NAME);
    }

    private static Type type(String name, HiveType type, Repetition repetition) {
        if (type instanceof Primitive primitive) {
            return primitive(name, primitive, repetition);
        }
        if (type instanceof ArrayType array) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(type("element", array.element(), Repetition.OPTIONAL)).named("list"))
                .named(name);
        }
        if (type instanceof MapType map) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                .addField(Types.repeatedGroup()
                    .addField(type("key", map.key(), Repetition.REQUIRED))
                    .addField(type("value", map.value(), Repetition.OPTIONAL))
                    .named("key_value"))
                .named(name);
        }
        Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
        for (Field field : ((StructType) type).fields()) {
            group.addField(type(field.name(), field.type(), Repetition.OPTIONAL));
        }
        return group.named(name);
    }

    private static Type primitive(String name, Primitive type, Repetition repetition) {
        return switch (type.kind()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                .as(LogicalTypeAnnotation.stringType()).named(name);
            case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                .as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT96, repetition).named(name);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                .as(LogicalTypeAnnotation.dateType()).named(name);
            case DECIMAL -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(name);
        };
    }
}
