package dev.freshet.delivery.destination.redshift;

import java.util.List;

/**
 * A Redshift COPY's data format as PostgreSQL's {@code COPY … FROM STDIN} runs it, plus what
 * {@link CopyInput} must do to the staged object's bytes on the way in.
 *
 * @param format how the staged object is read
 * @param delimiter the field delimiter (text: Redshift's default {@code |}; CSV: {@code ,})
 * @param nullAs Redshift's NULL AS string, null for the format's default
 * @param quote CSV's quote character, null for {@code "}
 * @param escape Redshift's ESCAPE (text format): backslash escapes; without it backslashes are data
 * @param ignoreHeader lines to skip at the start of each staged object (IGNOREHEADER)
 */
public record PostgresCopy(Format format, char delimiter, String nullAs, Character quote, boolean escape, int ignoreHeader) {

    /** The data formats of Redshift's COPY that have a PostgreSQL equivalent here. */
    public enum Format {
        /** Delimited text (Redshift's default format). */
        TEXT,
        CSV,
        /** {@code JSON 'auto'}: top-level keys matched to column names, case-sensitively. */
        JSON_AUTO,
        /** {@code JSON 'auto ignorecase'}: the same, ignoring case. */
        JSON_AUTO_IGNORECASE,
        /** {@code JSON 'noshred'}: each whole document into the one column (jsonb, json or text). */
        JSON_NOSHRED;

        boolean json() {
            return this != TEXT && this != CSV;
        }
    }

    /** The SQL PostgreSQL runs; {@code columns} empty means all of the table's columns in order. */
    public String sql(String table, List<String> columns) {
        StringBuilder sql = new StringBuilder("COPY ").append(table);
        if (!columns.isEmpty()) {
            sql.append(" (").append(String.join(", ", columns)).append(')');
        }
        sql.append(" FROM STDIN WITH (");
        if (format == Format.TEXT) {
            sql.append("FORMAT text, DELIMITER ").append(literal(String.valueOf(delimiter)));
            // without ESCAPE CopyInput doubles backslashes, so the null marker is matched doubled too
            String marker = nullAs == null ? "\\N" : nullAs;
            sql.append(", NULL ").append(literal(escape ? marker : marker.replace("\\", "\\\\")));
        } else if (format == Format.CSV) {
            sql.append("FORMAT csv, DELIMITER ").append(literal(String.valueOf(delimiter)));
            if (quote != null) {
                sql.append(", QUOTE ").append(literal(String.valueOf(quote)));
            }
            if (nullAs != null) {
                sql.append(", NULL ").append(literal(nullAs));
            }
        } else {
            // CopyInput writes JSON documents as CSV rows: "" quoting, unquoted empty field = NULL
            sql.append("FORMAT csv");
        }
        return sql.append(')').toString();
    }

    /** A standard-conforming SQL string literal (backslashes are data, quotes doubled). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
