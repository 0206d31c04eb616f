package dev.freshet.delivery.destination.redshift;

import java.sql.SQLException;

/**
 * Maps PostgreSQL's SQLSTATEs to the error codes and messages the service logs for Redshift
 * delivery (Firehose developer guide, "Amazon Redshift Data Delivery Errors").
 *
 * <p>Stateless.
 */
final class RedshiftErrors {

    /** An error code and message as the failed-record envelope carries them. */
    record Failure(String code, String message) {
    }

    private RedshiftErrors() {
    }

    static Failure of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = ": " + e.getMessage();
        return switch (state) {
            case "28P01", "28000" -> new Failure("Redshift.AuthenticationFailed",
                "The provided user name and password failed authentication. Provide a valid user name and password." + detail);
            case "3D000" -> new Failure("Redshift.DatabaseNotFound",
                "The database specified in the JDBC URL was not found. Specify a valid database name." + detail);
            case "42P01" -> new Failure("Redshift.TableNotFound",
                "The table to which to load data was not found. Ensure that the specified table exists." + detail);
            case "42703" -> new Failure("Redshift.ColumnNotFound",
                "A column in the COPY command does not exist in the table. Specify a valid column name." + detail);
            case "42501" -> new Failure("Redshift.InsufficientPrivilege",
                "The user does not have permissions to load data into the table." + detail);
            case "42601" -> new Failure("Redshift.SyntaxError", "The COPY command contains a syntax error." + detail);
            case "23502" -> new Failure("Redshift.MissingColumn",
                "A NOT NULL column without a DEFAULT value got no value." + detail);
            case "53100" -> new Failure("Redshift.DiskFull", "Data could not be loaded because the disk is full." + detail);
            case "25006" -> new Failure("Redshift.ReadOnlyCluster", "The query cannot be executed: the database is read-only." + detail);
            default -> byClass(state, detail);
        };
    }

    private static Failure byClass(String state, String detail) {
        if (state.startsWith("08")) {
            return connectionFailed(detail);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return dataLoadFailed(detail);
        }
        return new Failure("InternalError", "An internal error occurred while attempting to deliver data" + detail);
    }

    static Failure connectionFailed(String detail) {
        return new Failure("Redshift.ConnectionFailed", "The connection to the specified database failed. Ensure that "
            + "the database in the JDBC URL is correct and available" + detail);
    }

    static Failure dataLoadFailed(String detail) {
        return new Failure("Redshift.DataLoadFailed", "Loading data into the table failed" + detail);
    }
}
