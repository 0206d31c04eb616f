package dev.freshet.delivery.process.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import net.thisptr.jackson.jq.Expression;
import net.thisptr.jackson.jq.Function;
import net.thisptr.jackson.jq.PathOutput;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import net.thisptr.jackson.jq.path.Path;

/**
 * The jq 1.6 date functions jackson-jq 1.6.0 lacks, which Firehose partitioning queries use
 * ({@code .ts|strftime("%Y")}, {@code .time|strptime("%Y-%m-%dT%H:%M:%SZ")|mktime}):
 *
 * <ul>
 *   <li>{@code gmtime}, {@code localtime}: epoch seconds → broken down time (both UTC: the
 *       service runs its queries in UTC);</li>
 *   <li>{@code mktime}: broken down time → whole epoch seconds;</li>
 *   <li>{@code strftime(fmt)}, {@code strflocaltime(fmt)}: epoch seconds or broken down time → text;</li>
 *   <li>{@code strptime(fmt)}: text → broken down time;</li>
 *   <li>{@code todate}: {@code strftime("%Y-%m-%dT%H:%M:%SZ")}; {@code fromdate}:
 *       {@code strptime("%Y-%m-%dT%H:%M:%SZ")|mktime}.</li>
 * </ul>
 * (jq 1.6 itself has no {@code date}, {@code dateadd} or {@code datesub}, so neither does this.)
 * ({@code now}, {@code todateiso8601} and {@code fromdateiso8601} are jackson-jq's own.) Errors are
 * JQ errors: the query fails, and the record with it.
 *
 * <p>Stateless; thread-safe.
 */
public final class JqDateFunctions {

    private static final String ISO8601 = "%Y-%m-%dT%H:%M:%SZ";

    private JqDateFunctions() {
    }

    /** Adds the functions to {@code scope} (the root scope queries are compiled against). */
    public static void register(Scope scope) {
        scope.addFunction("gmtime", 0, unary(JqDateFunctions::gmtime));
        scope.addFunction("localtime", 0, unary(JqDateFunctions::gmtime));
        scope.addFunction("mktime", 0,
            unary(in -> LongNode.valueOf(BrokenDownTime.fromJson(in, "mktime").epochSeconds())));
        scope.addFunction("strftime", 1, withFormat(JqDateFunctions::strftime));
        scope.addFunction("strflocaltime", 1, withFormat(JqDateFunctions::strftime));
        scope.addFunction("strptime", 1, withFormat(JqDateFunctions::strptime));
        scope.addFunction("todate", 0, unary(in -> strftime(in, ISO8601)));
        scope.addFunction("fromdate", 0, unary(in -> LongNode.valueOf(strptimeTime(in, ISO8601).epochSeconds())));
    }

    private interface DateFunction {
        JsonNode apply(JsonNode in) throws DateFunctionException;
    }

    private interface FormatFunction {
        JsonNode apply(JsonNode in, String format) throws DateFunctionException;
    }

    private static Function unary(DateFunction function) {
        return (Scope scope, List<Expression> args, JsonNode in, Path path, PathOutput output, Version version) ->
            output.emit(run(function, in), null);
    }

    private static Function withFormat(FormatFunction function) {
        return (Scope scope, List<Expression> args, JsonNode in, Path path, PathOutput output, Version version) ->
            args.get(0).apply(scope, in, format -> {
                if (!format.isTextual()) {
                    throw new JsonQueryException("date functions require a string format");
                }
                output.emit(run(value -> function.apply(value, format.textValue()), in), null);
            });
    }

    private static JsonNode run(DateFunction function, JsonNode in) throws JsonQueryException {
        try {
            return function.apply(in);
        } catch (DateFunctionException e) {
            throw new JsonQueryException(e.getMessage());
        }
    }

    private static JsonNode gmtime(JsonNode in) throws DateFunctionException {
        if (!in.isNumber()) {
            throw new DateFunctionException("gmtime() requires a number");
        }
        return BrokenDownTime.ofEpochSeconds(in.asDouble()).toJson();
    }

    private static JsonNode strftime(JsonNode in, String format) throws DateFunctionException {
        BrokenDownTime time = in.isNumber() ? BrokenDownTime.ofEpochSeconds(in.asDouble())
            : BrokenDownTime.fromJson(in, "strftime/1");
        return TextNode.valueOf(Strftime.format(format, time));
    }

    private static JsonNode strptime(JsonNode in, String format) throws DateFunctionException {
        return strptimeTime(in, format).toJson();
    }

    private static BrokenDownTime strptimeTime(JsonNode in, String format) throws DateFunctionException {
        if (!in.isTextual()) {
            throw new DateFunctionException("strptime/1 requires string inputs and arguments");
        }
        return Strptime.parse(in.textValue(), format);
    }
}
