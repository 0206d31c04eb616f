package dev.freshet.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.delivery.s3.PrefixException.Reason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class S3PrefixTest {

    /** 10:30 UTC on 2018-08-27, the time of the service's own examples. */
    static final ZonedDateTime TIME = Instant.parse("2018-08-27T10:30:00Z").atZone(ZoneOffset.UTC);

    static String evaluate(String prefix, Map<String, String> keys, String errorType) throws PrefixException {
        AtomicInteger counter = new AtomicInteger();
        return S3Prefix.parse(prefix).evaluate(new S3Prefix.Values(TIME, keys, errorType,
            () -> "rnd" + counter.incrementAndGet()));
    }

    static Reason reason(String prefix) {
        return catchThrowableOfType(PrefixException.class, () -> S3Prefix.parse(prefix)).reason();
    }

    @Test
    void evaluatesTheDocumentedExamples() throws PrefixException {
        assertThat(evaluate("myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
            Map.of(), null)).isEqualTo("myPrefix/year=2018/month=08/day=27/hour=10/");
        assertThat(evaluate("myErrorPrefix/!{timestamp:'year='yyyy'/month='MM'/day='dd'/hour='HH}/!{firehose:error-output-type}",
            Map.of(), "processing-failed")).isEqualTo("myErrorPrefix/year=2018/month=08/day=27/hour=10/processing-failed");
        assertThat(evaluate("myPrefix/result=!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}", Map.of(),
            "processing-failed")).isEqualTo("myPrefix/result=processing-failed/2018/08/27");
    }

    @Test
    void randomStringIsNewAtEachUseAndPartitionKeysComeFromTheRecord() throws PrefixException {
        assertThat(evaluate("a/!{firehose:random-string}/!{firehose:random-string}/", Map.of(), null)).isEqualTo("a/rnd1/rnd2/");
        assertThat(evaluate("c=!{partitionKeyFromQuery:customer}/d=!{partitionKeyFromLambda:day}/",
            Map.of("customer", "42", "day", "mon"), null)).isEqualTo("c=42/d=mon/");
    }

    @Test
    void aMissingPartitionKeyIsAnEvaluationError() {
        PrefixException e = catchThrowableOfType(PrefixException.class,
            () -> evaluate("c=!{partitionKeyFromQuery:customer}/", Map.of(), null));
        assertThat(e.reason()).isEqualTo(Reason.MISSING_PARTITION_KEY);
    }

    @Test
    void tellsWhatIsWrongWithMalformedPrefixes() {
        assertThat(reason("a/!{timestamp:yyyy")).isEqualTo(Reason.UNTERMINATED_EXPRESSION);
        assertThat(reason("a/!{timestamp:!{yyyy}")).isEqualTo(Reason.NESTED_EXPRESSION);
        assertThat(reason("a/!{time:yyyy}")).isEqualTo(Reason.UNKNOWN_NAMESPACE);
        assertThat(reason("a/!{timestamp}")).isEqualTo(Reason.INVALID_TIMESTAMP_FORMAT);
        assertThat(reason("a/!{timestamp:yyyy{}")).isEqualTo(Reason.INVALID_TIMESTAMP_FORMAT);
        assertThat(reason("a/!{timestamp:'open}")).isEqualTo(Reason.INVALID_TIMESTAMP_FORMAT);
        assertThat(reason("a/!{firehose:uuid}")).isEqualTo(Reason.UNKNOWN_FIREHOSE_VALUE);
        assertThat(reason("a/!{partitionKeyFromQuery:}")).isEqualTo(Reason.EMPTY_PARTITION_KEY_NAME);
    }

    @Test
    void reportsWhichExpressionsItHas() throws PrefixException {
        S3Prefix plain = S3Prefix.parse("logs/{x}/!");
        assertThat(plain.hasExpressions()).isFalse();
        S3Prefix mixed = S3Prefix.parse("!{firehose:error-output-type}/!{partitionKeyFromQuery:k}");
        assertThat(mixed.hasErrorOutputType()).isTrue();
        assertThat(mixed.hasPartitionKeys()).isTrue();
        assertThat(mixed.hasTimestamp()).isFalse();
        assertThat(S3Prefix.parse(null).text()).isEmpty();
    }
}
