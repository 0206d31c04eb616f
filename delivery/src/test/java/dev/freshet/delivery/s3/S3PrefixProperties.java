package dev.freshet.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Prefixes are user input: whatever the text, parsing and evaluating fail only as {@link PrefixException}. */
class S3PrefixProperties {

    @Property(tries = 3000)
    void anyTextParsesOrIsRefusedWithAReason(@ForAll("prefixLike") String text) {
        try {
            S3Prefix prefix = S3Prefix.parse(text);
            assertThat(prefix.text()).isEqualTo(text);
            String evaluated = prefix.evaluate(new S3Prefix.Values(S3PrefixTest.TIME, Map.of("k", "v"), "processing-failed",
                () -> "abcdefghijk"));
            assertThat(evaluated).doesNotContain("!{");
        } catch (PrefixException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void textWithoutExpressionsEvaluatesToItself(@ForAll("literal") String text) throws PrefixException {
        assertThat(S3Prefix.parse(text).evaluate(new S3Prefix.Values(S3PrefixTest.TIME, Map.of(), null, () -> "x")))
            .isEqualTo(text);
    }

    @Property(tries = 1000)
    void rulesNeverLoseTheConfiguredText(@ForAll("prefixLike") String prefix, @ForAll("prefixLike") String errorPrefix) {
        try {
            PrefixRules rules = PrefixRules.of(prefix, errorPrefix);
            assertThat(rules.prefix().text()).startsWith(prefix);
            assertThat(rules.errorPrefix().hasErrorOutputType()).isTrue();
        } catch (PrefixException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> prefixLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.of("!{", "}", ":", "'", "/", "!", "{", "timestamp", "firehose", "random-string",
                "error-output-type", "partitionKeyFromQuery", "partitionKeyFromLambda", "k", "yyyy", "MM", "HH",
                "!{timestamp:", "!{firehose:", "!{partitionKeyFromQuery:", "[", "#", "Q", "uuuu-ww"));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> literal() {
        return Combinators.combine(Arbitraries.strings().ofMaxLength(40), Arbitraries.of("", "!", "{", "}"))
            .as((text, tail) -> (text + tail).replace("!{", "{"))
            .filter(text -> !text.contains("!{"));
    }
}
