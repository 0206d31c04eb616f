package dev.freshet.delivery.destination.redshift;

import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.destination.redshift.PostgresCopy.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates CopyCommand.CopyOptions (Redshift COPY parameters) to a {@link PostgresCopy}, or
 * refuses them at configuration time with the option named.
 *
 * <pre>
 * Redshift                                   here
 * (none)                                     text, DELIMITER '|', NULL '\N', backslashes are data
 * DELIMITER [AS] 'c'   ('\t', '\011' too)    DELIMITER
 * NULL AS 's'                                NULL
 * ESCAPE                                     backslash escapes (PostgreSQL's text format)
 * CSV [QUOTE [AS] 'q'] / FORMAT [AS] CSV     FORMAT csv, QUOTE
 * JSON 'auto' / 'auto ignorecase'            keys → columns, rows streamed as CSV
 * JSON 'noshred'                             whole document → the single column (jsonb/json/text)
 * GZIP                                       the staged object is gunzipped first (needs CompressionFormat GZIP)
 * IGNOREHEADER [AS] n                        n lines skipped per staged object
 * TIMEFORMAT/DATEFORMAT 'auto', COMPUPDATE, STATUPDATE, REGION   accepted, no effect
 * anything else (JSON 's3://jsonpaths', MAXERROR, FIXEDWIDTH, AVRO, PARQUET, BZIP2, …)   refused
 * </pre>
 *
 * <p>Stateless.
 */
final class RedshiftCopyOptions {

    private static final String PATH = RedshiftSettings.PATH + ".CopyCommand.CopyOptions";

    private RedshiftCopyOptions() {
    }

    static PostgresCopy translate(String options, List<String> columns, boolean stagedGzip) {
        Builder b = new Builder();
        Tokens tokens = new Tokens(tokenize(options == null ? "" : options));
        while (tokens.more()) {
            b.option(tokens.next().toUpperCase(Locale.ROOT), tokens);
        }
        if (b.gzip != stagedGzip) {
            throw invalid(b.gzip ? "GZIP needs S3Configuration.CompressionFormat GZIP"
                : "S3Configuration.CompressionFormat GZIP needs the GZIP copy option");
        }
        return b.build(columns);
    }

    private static final class Builder {
        Format format = Format.TEXT;
        Character delimiter;
        String nullAs;
        Character quote;
        boolean escape;
        boolean gzip;
        int ignoreHeader;

        void option(String word, Tokens tokens) {
            switch (word) {
                case "DELIMITER" -> delimiter = single(tokens.quotedAfterAs(word), word);
                case "NULL" -> {
                    tokens.expectWord("AS");
                    nullAs = tokens.quoted("NULL AS");
                }
                case "ESCAPE" -> escape = true;
                case "CSV" -> csv(tokens);
                case "JSON" -> format = json(tokens.quoted("JSON"));
                case "FORMAT" -> formatAs(tokens);
                case "GZIP" -> gzip = true;
                case "IGNOREHEADER" -> ignoreHeader = number(tokens.valueAfterAs(word), word);
                case "TIMEFORMAT", "DATEFORMAT" -> auto(tokens.quotedAfterAs(word), word);
                case "COMPUPDATE", "STATUPDATE" -> tokens.skipWordIfAny("ON", "OFF", "TRUE", "FALSE", "PRESET");
                case "REGION" -> tokens.quotedAfterAs(word);
                default -> throw invalid(word + " has no PostgreSQL equivalent here");
            }
        }

        private void csv(Tokens tokens) {
            format = Format.CSV;
            if (tokens.peekIs("QUOTE")) {
                tokens.next();
                quote = single(tokens.quotedAfterAs("QUOTE"), "QUOTE");
            }
        }

        private void formatAs(Tokens tokens) {
            tokens.skipWordIfAny("AS");
            String kind = tokens.next().toUpperCase(Locale.ROOT);
            switch (kind) {
                case "CSV" -> csv(tokens);
                case "JSON" -> format = json(tokens.quoted("FORMAT AS JSON"));
                default -> throw invalid("FORMAT AS " + kind + " has no PostgreSQL equivalent here");
            }
        }

        PostgresCopy build(List<String> columns) {
            if (escape && format != Format.TEXT) {
                throw invalid("ESCAPE works with delimited text only");
            }
            if (format.json() && (delimiter != null || nullAs != null || ignoreHeader > 0)) {
                throw invalid("DELIMITER, NULL AS and IGNOREHEADER do not apply to JSON");
            }
            if (format == Format.JSON_NOSHRED && columns.size() != 1) {
                throw invalid("JSON 'noshred' needs CopyCommand.DataTableColumns to name exactly one column");
            }
            char fieldDelimiter = delimiter != null ? delimiter : format == Format.TEXT ? '|' : ',';
            return new PostgresCopy(format, fieldDelimiter, nullAs, quote, escape, ignoreHeader);
        }
    }

    private static Format json(String argument) {
        return switch (argument.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Format.JSON_AUTO;
            case "auto ignorecase" -> Format.JSON_AUTO_IGNORECASE;
            case "noshred" -> Format.JSON_NOSHRED;
            default -> throw invalid("JSON '" + argument + "' is not supported here (jsonpaths files cannot be read): "
                + "use 'auto', 'auto ignorecase' or 'noshred'");
        };
    }

    private static void auto(String value, String option) {
        if (!value.equalsIgnoreCase("auto")) {
            throw invalid(option + " '" + value + "' is not supported here: only 'auto' (PostgreSQL reads ISO dates and times)");
        }
    }

    private static char single(String value, String option) {
        String unescaped = unescape(value);
        if (unescaped.length() != 1) {
            throw invalid(option + " must be one character, was '" + value + "'");
        }
        return unescaped.charAt(0);
    }

    /** Redshift reads {@code '\t'} and octal {@code '\011'} in DELIMITER and QUOTE. */
    static String unescape(String value) {
        if (value.equals("\\t")) {
            return "\t";
        }
        if (value.matches("\\\\[0-7]{3}")) {
            return String.valueOf((char) Integer.parseInt(value.substring(1), 8));
        }
        return value;
    }

    private static int number(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(option + " needs a non-negative number, was " + value);
    }

    static DeliveryException invalid(String reason) {
        return DeliveryException.invalidArgument(PATH + ": " + reason);
    }

    /** Splits into words and single-quoted strings (a quoted token keeps its leading {@code '}). */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ';') {
                i++;
            } else if (c == '\'') {
                StringBuilder quoted = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw invalid("unterminated quoted string");
                    }
                    char q = text.charAt(i++);
                    if (q == '\'' && i < text.length() && text.charAt(i) == '\'') {
                        quoted.append('\'');
                        i++;
                    } else if (q == '\\' && i < text.length() && text.charAt(i) == '\'') {
                        quoted.append('\'');
                        i++;
                    } else if (q == '\'') {
                        break;
                    } else {
                        quoted.append(q);
                    }
                }
                tokens.add(quoted.toString());
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\''
                        && text.charAt(i) != ',' && text.charAt(i) != ';') {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    /** A cursor over the tokens. */
    private static final class Tokens {
        private final List<String> tokens;
        private int at;

        Tokens(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean more() {
            return at < tokens.size();
        }

        String next() {
            if (!more()) {
                throw invalid("the options end too early");
            }
            return tokens.get(at++);
        }

        boolean peekIs(String word) {
            return more() && tokens.get(at).equalsIgnoreCase(word);
        }

        void expectWord(String word) {
            String token = next();
            if (!token.equalsIgnoreCase(word)) {
                throw invalid("expected " + word + ", found " + token);
            }
        }

        void skipWordIfAny(String... words) {
            for (String word : words) {
                if (peekIs(word)) {
                    at++;
                    return;
                }
            }
        }

        String quoted(String option) {
            String token = next();
            if (!token.startsWith("'")) {
                throw invalid(option + " needs a quoted string, found " + token);
            }
            return token.substring(1);
        }

        String quotedAfterAs(String option) {
            skipWordIfAny("AS");
            return quoted(option);
        }

        String valueAfterAs(String option) {
            skipWordIfAny("AS");
            String token = next();
            return token.startsWith("'") ? token.substring(1) : token;
        }
    }
}
