package dev.freshet.delivery.convert;

import dev.freshet.delivery.convert.HiveType.ArrayType;
import dev.freshet.delivery.convert.HiveType.MapType;
import dev.freshet.delivery.convert.HiveType.Primitive;
import dev.freshet.delivery.convert.HiveType.StructType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@link JsonRows} rows to parquet-java's record consumer, in the layout of
 * {@link ParquetSchemas}: a null value is an absent field; lists and maps write their repeated
 * {@code list} / {@code key_value} group only when non-empty.
 *
 * <p>Not thread-safe: one writer uses it.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final StructType row;
    private final MessageType schema;
    private RecordConsumer consumer;

    RowWriteSupport(StructType row) {
        this.row = row;
        this.schema = ParquetSchemas.of(row);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    /** The Hadoop entry point parquet-java declares; never called, as no Hadoop Configuration exists here. */
    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
        consumer.startMessage();
        fields(row, values);
        consumer.endMessage();
    }

    private void fields(StructType type, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                String name = type.fields().get(i).name();
                consumer.startField(name, i);
                value(type.fields().get(i).type(), values[i]);
                consumer.endField(name, i);
            }
        }
    }

    private void value(HiveType type, Object value) {
        if (type instanceof Primitive primitive) {
            primitive(primitive, value);
        } else if (type instanceof ArrayType array) {
            list(array, (List<?>) value);
        } else if (type instanceof MapType map) {
            map(map, (Map<?, ?>) value);
        } else {
            consumer.startGroup();
            fields((StructType) type, (Object[]) value);
            consumer.endGroup();
        }
    }

    private void list(ArrayType type, List<?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("list", 0);
            for (Object element : values) {
                consumer.startGroup();
                if (element != null) {
                    consumer.startField("element", 0);
                    value(type.element(), element);
                    consumer.endField("element", 0);
                }
                consumer.endGroup();
            }
            consumer.endField("list", 0);
        }
        consumer.endGroup();
    }

    private void map(MapType type, Map<?, ?> values) {
        consumer.startGroup();
        if (!values.isEmpty()) {
            consumer.startField("key_value", 0);
            for (Map.Entry<?, ?> entry : values.entrySet()) {
                consumer.startGroup();
                consumer.startField("key", 0);
                value(type.key(), entry.getKey());
                consumer.endField("key", 0);
                if (entry.getValue() != null) {
                    consumer.startField("value", 1);
                    value(type.value(), entry.getValue());
                    consumer.endField("value", 1);
                }
                consumer.endGroup();
            }
            consumer.endField("key_value", 0);
        }
        consumer.endGroup();
    }

    private void primitive(Primitive type, Object value) {
        switch (type.kind()) {
            case STRING -> consumer.addBinary(Binary.fromString((String) value));
            case TINYINT, SMALLINT, INT, DATE -> consumer.addInteger((Integer) value);
            case BIGINT -> consumer.addLong((Long) value);
            case TIMESTAMP -> consumer.addBinary(Int96Timestamps.encode((Long) value));
            case FLOAT -> consumer.addFloat((Float) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case DECIMAL -> consumer.addBinary(
                Binary.fromConstantByteArray(((BigDecimal) value).unscaledValue().toByteArray()));
        }
    }
}
