package dev.freshet.delivery.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.delivery.convert.HiveType.ArrayType;
import dev.freshet.delivery.convert.HiveType.Kind;
import dev.freshet.delivery.convert.HiveType.MapType;
import dev.freshet.delivery.convert.HiveType.Primitive;
import dev.freshet.delivery.convert.HiveType.StructType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** TableName comes from the client: the Hive type parser answers anything with a type or an IllegalArgumentException. */
class HiveTypesProperties {

    @Property(tries = 3000)
    void anyTextParsesOrIsRefusedWithAReason(@ForAll("typeLike") String text) {
        try {
            HiveType type = HiveTypes.parse(text);
            assertThat(type).isNotNull();
            ParquetSchemas.of(new StructType(java.util.List.of(new HiveType.Field("c", type))));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("at character");
        }
    }

    @Example
    void parsesTheGlueTypesCaseInsensitivelyWithSpaces() {
        StructType row = HiveTypes.parseRow(
            "STRUCT< Id : BIGINT, name:varchar(20), d:decimal(5,2), m:map<string, array<int>>, s:struct<x:double> >");
        assertThat(row.fields()).extracting(HiveType.Field::name).containsExactly("id", "name", "d", "m", "s");
        assertThat(row.fields().get(0).type()).isEqualTo(new Primitive(Kind.BIGINT));
        assertThat(row.fields().get(2).type()).isEqualTo(new Primitive(Kind.DECIMAL, 5, 2));
        assertThat(row.fields().get(3).type()).isEqualTo(new MapType(new Primitive(Kind.STRING),
            new ArrayType(new Primitive(Kind.INT))));
    }

    @Example
    void refusesWhatItCannotWrite() {
        assertThatThrownBy(() -> HiveTypes.parseRow("int")).hasMessageContaining("struct<");
        assertThatThrownBy(() -> HiveTypes.parse("struct<a:int,a:string>")).hasMessageContaining("duplicate field 'a'");
        assertThatThrownBy(() -> HiveTypes.parse("map<array<int>,int>")).hasMessageContaining("map keys must be primitive");
        assertThatThrownBy(() -> HiveTypes.parse("decimal(40,2)")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> HiveTypes.parse("array<".repeat(100) + "int" + ">".repeat(100)))
            .hasMessageContaining("nested too deeply");
    }

    @Provide
    Arbitrary<String> typeLike() {
        Arbitrary<String> token = Arbitraries.of("struct", "array", "map", "<", ">", ",", ":", "(", ")", " ", "int",
            "string", "decimal", "varchar", "a", "b", "99", "-1", "timestamp", "binary", "x_y", "\u00e9");
        return Arbitraries.oneOf(token.list().ofMaxSize(30).map(tokens -> String.join("", tokens)),
            Arbitraries.strings().ofMaxLength(40));
    }
}
