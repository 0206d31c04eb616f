package dev.freshet.delivery.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Prefixes come from users: any text is judged, never crashes the check. */
class PrefixRulesPropertiesTest {

    @Property(tries = 2000)
    void anyPrefixIsAcceptedOrRefusedAsInvalidArgument(@ForAll("prefixes") String prefix,
            @ForAll("prefixes") String errorOutputPrefix, @ForAll boolean partitioning) {
        try {
            PrefixRules.check("ExtendedS3DestinationConfiguration", prefix, errorOutputPrefix, partitioning);
        } catch (DeliveryException e) {
            assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT);
            assertThat(e.getMessage()).startsWith("ExtendedS3DestinationConfiguration");
        }
    }

    @Property(tries = 500)
    void prefixesOfValidExpressionsAreAccepted(@ForAll("validPrefixes") String prefix) {
        assertThatCode(() -> PrefixRules.check("S3", prefix, "errors/!{firehose:error-output-type}/", false))
            .doesNotThrowAnyException();
        assertThat(PrefixRules.expressions("S3.Prefix", prefix)).allSatisfy(expression ->
            assertThat(expression.namespace()).isIn("timestamp", "firehose"));
    }

    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab/-_!{}:").ofMaxLength(6),
            Arbitraries.of("!{", "}", "!{timestamp:yyyy}", "!{timestamp:'", "!{firehose:random-string}",
                "!{firehose:error-output-type}", "!{partitionKeyFromQuery:id}", "!{x:y}", "!{:}", "!{timestamp:}"),
            Arbitraries.strings().ofMaxLength(4));
        return pieces.list().ofMaxSize(6).map(list -> String.join("", list)).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> validPrefixes() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().withChars("abc/-_=").ofMinLength(1).ofMaxLength(5),
            Arbitraries.of("!{timestamp:yyyy}", "!{timestamp:yyyy/MM/dd/HH}", "!{timestamp:'year='yyyy}",
                "!{firehose:random-string}"));
        return pieces.list().ofMaxSize(5).map(List::copyOf).map(list -> String.join("", list));
    }
}
