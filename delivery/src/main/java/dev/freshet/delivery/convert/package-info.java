/**
 * Record format conversion (DataFormatConversionConfiguration): JSON records read the way the
 * OpenX or Hive JSON SerDe reads them, written as one Apache Parquet file per S3 object.
 *
 * <p>There is no AWS Glue Data Catalog here, so the table's columns are given inline: the
 * SchemaConfiguration's {@code TableName} holds the Hive type of a row,
 * {@code struct<name:type,…>} (see {@link dev.freshet.delivery.convert.HiveTypes}). A
 * configuration that names a Glue table instead is refused, saying so.
 *
 * <p>Parquet is written through parquet-java's Hadoop-free API ({@code OutputFile},
 * {@code PlainParquetConfiguration}) with this package's own codecs, so no Hadoop class is ever
 * loaded. Flow: {@code JsonRows} (bytes → row or a reason) → {@code ParquetFile} (rows → bytes
 * through {@code RowWriteSupport}) → {@code FormatConversion} (a batch → one body plus the records
 * that failed, with the service's envelope).
 */
package dev.freshet.delivery.convert;
