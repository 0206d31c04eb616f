package dev.freshet.delivery.process.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are jq 1.6's own answers ({@code TZ=UTC jq -nc '<query>'}). */
class JqDateFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "1425599621|gmtime => [2015,2,5,23,53,41,4,63]",
        "1425599621|localtime => [2015,2,5,23,53,41,4,63]",
        "\"2015-03-05T23:51:47Z\"|strptime(\"%Y-%m-%dT%H:%M:%SZ\") => [2015,2,5,23,51,47,4,63]",
        "\"2015-03-05T23:51:47Z\"|strptime(\"%Y-%m-%dT%H:%M:%SZ\")|mktime => 1425599507",
        "1425599621|todate => \"2015-03-05T23:53:41Z\"",
        "\"2015-03-05T23:51:47Z\"|fromdate => 1425599507",
        "0|strftime(\"%Y-%m-%dT%H:%M:%SZ %j %U %W %V %G\") => \"1970-01-01T00:00:00Z 001 00 00 01 1970\"",
        "1704067199|strftime(\"%Y %j %U %W %V %G %g\") => \"2023 365 53 52 52 2023 23\"",
        "1609459200|strftime(\"%Y %j %U %W %V %G %u %w\") => \"2021 001 00 00 53 2020 5 5\"",
        "[2024,1,30,25,61,0,0,0]|mktime => 1709344860",
        "\"10 Mar 2021 07:05:09 PM\"|strptime(\"%d %b %Y %I:%M:%S %p\") => [2021,2,10,19,5,9,3,68]",
        "\"2021-069\"|strptime(\"%Y-%j\") => [2021,2,10,0,0,0,3,68]",
        "\"Thursday, March 5, 2015\"|strptime(\"%A, %B %e, %Y\")|mktime => 1425513600",
        "\"1425599621\"|strptime(\"%s\") => [2015,2,5,23,53,41,4,63]",
        "\"2015-03-05 23:51:47 +0200\"|strptime(\"%Y-%m-%d %H:%M:%S %z\")|mktime => 1425599507",
        "\"15/3/5\"|strptime(\"%y/%m/%d\")|mktime => 1425513600",
        "\"70/3/5\"|strptime(\"%y/%m/%d\")|mktime => 5443200",
        "1425599621|strflocaltime(\"%H\") => \"23\"",
        "1700000000123|./1000|floor|strftime(\"%Y/%m/%d/%H\") => \"2023/11/14/22\"",
    })
    void answersAsJq16(String query, String expected) throws Exception {
        assertThat(run(query.trim()).toString()).isEqualTo(JSON.readTree(expected.trim()).toString());
    }

    @Test
    void strftimeCoversTheCLocaleConversions() throws Exception {
        String all = "%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %p %r %R %s %S %T %u %U %V %w %W "
            + "%x %X %y %Y %z %Z %%";
        assertThat(run("1425599621|strftime(\"" + all + "\")").asText()).isEqualTo("Thu Thursday Mar March "
            + "Thu Mar  5 23:53:41 2015 20 05 03/05/15  5 2015-03-05 15 2015 Mar 23 11 064 23 11 03 53 PM "
            + "11:53:41 PM 23:53 1425599621 41 23:53:41 4 09 10 4 09 03/05/15 23:53:41 15 2015 +0000 UTC %");
        assertThat(run("1425599621|strftime(\"%-d/%-m %-H\")").asText()).isEqualTo("5/3 23");
    }

    @Test
    void badInputsAreQueryErrors() {
        for (String query : List.of("\"x\"|strftime(\"%Y\")", "1|strftime(\"%Q\")", "1|strftime(\"%\")",
                "1|strftime(1)", "\"2015-03-05T23:51:47Z\"|strptime(\"%Y-%m-%d\")", "1|strptime(\"%Y\")",
                "\"2015\"|strptime(\"%Q\")", "\"x\"|mktime", "[1,2]|mktime", "\"x\"|gmtime", "1e300|gmtime",
                "\"99999\"|strptime(\"%Y\")|mktime", "\"13\"|strptime(\"%m\")")) {
            assertThatThrownBy(() -> run(query)).as(query).isInstanceOf(JsonQueryException.class);
        }
    }

    private static final Scope ROOT = rootScope();

    private static Scope rootScope() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
        JqDateFunctions.register(scope);
        return scope;
    }

    static JsonNode run(String query) throws JsonQueryException {
        Scope scope = ROOT;
        List<JsonNode> out = new ArrayList<>();
        JsonQuery.compile(query, Versions.JQ_1_6).apply(Scope.newChildScope(scope), NullNode.getInstance(), out::add);
        return out.get(0);
    }
}
