package dev.freshet.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The classification of S3 answers the fixture cannot provoke (5xx, throttling). */
class S3FailuresTest {

    @ParameterizedTest
    @CsvSource({
        "500, InternalError, true",
        "503, SlowDown, true",
        "503, ServiceUnavailable, true",
        "429, TooManyRequests, true",
        "400, RequestTimeout, true",
        "404, NoSuchBucket, false",
        "403, AccessDenied, false",
        "403, InvalidAccessKeyId, false",
        "403, SignatureDoesNotMatch, false",
        "400, InvalidBucketName, false",
        "400, EntityTooLarge, false",
    })
    void serviceAnswers(int status, String code, boolean retryable) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
        ObjectStoreException mapped = S3Failures.map(e, "b", "k");
        assertThat(mapped.errorCode()).isEqualTo(code);
        assertThat(mapped.retryable()).isEqualTo(retryable);
        assertThat(mapped.getMessage()).contains(code, "b/k");
    }

    @ParameterizedTest
    @CsvSource({"502, true", "403, false"})
    void answerWithoutDetailsIsNamedByItsStatus(int status, boolean retryable) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status).build();
        ObjectStoreException mapped = S3Failures.map(e, "b", "k");
        assertThat(mapped.errorCode()).isEqualTo("HTTP" + status);
        assertThat(mapped.retryable()).isEqualTo(retryable);
    }

    @org.junit.jupiter.api.Test
    void noAnswerIsAnIoFailureAndRetryable() {
        ObjectStoreException mapped = S3Failures.map(SdkClientException.create("Connection refused"), "b", "k");
        assertThat(mapped.errorCode()).isEqualTo("IOException");
        assertThat(mapped.retryable()).isTrue();
    }
}
