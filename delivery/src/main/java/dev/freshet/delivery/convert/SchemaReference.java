package dev.freshet.delivery.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.convert.HiveType.StructType;
import dev.freshet.delivery.destination.ConfigFields;
import java.util.Locale;

/**
 * The SchemaConfiguration: where the service would look the table up in AWS Glue. Freshet has no
 * Glue Data Catalog, so the columns come inline: {@code TableName} holds the row's Hive type,
 * {@code struct<column:type,…>} (no whitespace needed, so it passes every SDK's
 * {@code ^\S+$} check on the member). A TableName that is a plain table name is refused, saying
 * so and how to give the schema.
 *
 * @param row the parsed row type
 * @param catalogTable the members echoed in failure envelopes ({@code dataCatalogTable})
 */
record SchemaReference(StructType row, ObjectNode catalogTable) {

    private static final String PATH = "DataFormatConversionConfiguration.SchemaConfiguration";

    static SchemaReference from(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw DeliveryException.invalidArgument(PATH + " is required when record format conversion is enabled.");
        }
        String table = ConfigFields.text(schema, "TableName");
        String database = ConfigFields.text(schema, "DatabaseName");
        if (table == null || !table.trim().toLowerCase(Locale.ROOT).startsWith("struct")) {
            throw DeliveryException.invalidArgument("Freshet has no AWS Glue Data Catalog, so " + PATH
                + " cannot refer to table " + database + "." + table + ". Give the table's columns inline instead: "
                + "TableName 'struct<column:type,...>' with Hive types, e.g. "
                + "struct<id:bigint,name:string,ts:timestamp,tags:array<string>> (DatabaseName is then only a label).");
        }
        StructType row;
        try {
            row = HiveTypes.parseRow(table);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.invalidArgument(PATH + ".TableName is not a valid inline schema: " + e.getMessage());
        }
        return new SchemaReference(row, catalogTable(schema));
    }

    private static ObjectNode catalogTable(JsonNode schema) {
        ObjectNode table = JsonNodeFactory.instance.objectNode();
        table.put("catalogId", ConfigFields.text(schema, "CatalogId"));
        table.put("databaseName", ConfigFields.text(schema, "DatabaseName"));
        table.put("tableName", ConfigFields.text(schema, "TableName"));
        table.put("region", ConfigFields.text(schema, "Region"));
        table.put("versionId", ConfigFields.text(schema, "VersionId"));
        table.putNull("catalogArn");
        return table;
    }
}
