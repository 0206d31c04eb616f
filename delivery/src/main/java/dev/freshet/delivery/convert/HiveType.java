package dev.freshet.delivery.convert;

import java.util.List;
import java.util.Map;

/**
 * A Hive column type as Glue tables declare them: a primitive, {@code array<T>},
 * {@code map<K,V>} or {@code struct<name:T,…>}. Field names are kept lower-case, as Hive keeps them.
 *
 * <p>Immutable.
 */
public sealed interface HiveType {

    /** The primitive kinds; {@code precision}/{@code scale} matter for DECIMAL only. */
    enum Kind { STRING, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, TIMESTAMP, DATE, DECIMAL }

    record Primitive(Kind kind, int precision, int scale) implements HiveType {
        public Primitive(Kind kind) {
            this(kind, 0, 0);
        }
    }

    record ArrayType(HiveType element) implements HiveType {
    }

    record MapType(HiveType key, HiveType value) implements HiveType {
    }

    record Field(String name, HiveType type) {
    }

    record StructType(List<Field> fields) implements HiveType {
        public StructType {
            fields = List.copyOf(fields);
        }

        /** Field index by (lower-case) name. */
        public Map<String, Integer> indexes() {
            Map<String, Integer> indexes = new java.util.HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                indexes.put(fields.get(i).name(), i);
            }
            return indexes;
        }
    }
}
