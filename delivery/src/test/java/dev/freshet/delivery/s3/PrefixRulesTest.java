package dev.freshet.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.delivery.s3.PrefixException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefixRulesTest {

    private static String prefix(PrefixRules rules) throws PrefixException {
        return S3PrefixTest.evaluate(rules.prefix().text(), Map.of("k", "v"), null);
    }

    private static String errorPrefix(PrefixRules rules) throws PrefixException {
        return S3PrefixTest.evaluate(rules.errorPrefix().text(), Map.of("k", "v"), "processing-failed");
    }

    @Test
    void noPrefixIsTheDefaultHourFolder() throws PrefixException {
        PrefixRules rules = PrefixRules.of(null, null);
        assertThat(prefix(rules)).isEqualTo("2018/08/27/10/");
        assertThat(errorPrefix(rules)).isEqualTo("processing-failed/2018/08/27/10/");
    }

    @Test
    void aPrefixWithoutTimestampGetsTheTimeAppended() throws PrefixException {
        PrefixRules rules = PrefixRules.of("myFirehosePrefix/", null);
        assertThat(prefix(rules)).isEqualTo("myFirehosePrefix/2018/08/27/10/");
        assertThat(errorPrefix(rules)).isEqualTo("myFirehosePrefix/processing-failed/2018/08/27/10/");
        assertThat(prefix(PrefixRules.of("plain", null))).isEqualTo("plain2018/08/27/10/");
    }

    @Test
    void aPrefixWithTimestampOrPartitionKeysIsUsedAsGiven() throws PrefixException {
        assertThat(prefix(PrefixRules.of("y=!{timestamp:yyyy}/", "e/!{firehose:error-output-type}/")))
            .isEqualTo("y=2018/");
        assertThat(prefix(PrefixRules.of("k=!{partitionKeyFromQuery:k}/", "e/!{firehose:error-output-type}/")))
            .isEqualTo("k=v/");
    }

    @Test
    void errorOutputPrefixRules() throws PrefixException {
        assertThat(errorPrefix(PrefixRules.of(null, "myFirehoseFailures/!{firehose:error-output-type}/")))
            .isEqualTo("myFirehoseFailures/processing-failed/");
        assertThat(errorPrefix(PrefixRules.of(null, "errors/")))
            .isEqualTo("errors/processing-failed/2018/08/27/10/");
        assertThat(reasonOf("!{timestamp:yyyy}/", null)).isEqualTo(Reason.ERROR_PREFIX_REQUIRED);
        assertThat(reasonOf(null, "errors/!{timestamp:yyyy}/")).isEqualTo(Reason.ERROR_OUTPUT_TYPE_MISSING);
        assertThat(reasonOf("a/!{firehose:error-output-type}/", "e/!{firehose:error-output-type}"))
            .isEqualTo(Reason.ERROR_OUTPUT_TYPE_IN_PREFIX);
    }

    @Test
    void aBackupsErrorOutputPrefixIsIgnored() throws PrefixException {
        PrefixRules rules = PrefixRules.ofBackup("raw/!{timestamp:yyyy}/");
        assertThat(prefix(rules)).isEqualTo("raw/2018/");
        assertThat(prefix(PrefixRules.ofBackup(null))).isEqualTo("2018/08/27/10/");
    }

    private static Reason reasonOf(String prefix, String errorPrefix) {
        return catchThrowableOfType(PrefixException.class, () -> PrefixRules.of(prefix, errorPrefix)).reason();
    }
}
