package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.parseCbor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorEncoderTest {

    @Test
    void jsonBodyHasTypeAndMessage() {
        assertThat(json(AwsError.resourceNotFound("Stream s under account 000000000000 not found.")))
                .isEqualTo("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream s under account 000000000000 not found.\"}");
    }

    @Test
    void serializationExceptionSpellsMessageWithACapital() {
        assertThat(json(AwsError.serialization("Expected null")))
                .isEqualTo("{\"__type\":\"SerializationException\",\"Message\":\"Expected null\"}");
    }

    @Test
    void errorsWithoutMessageHaveNoMessageKey() {
        assertThat(json(AwsError.unknownOperation())).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
        assertThat(json(AwsError.internalFailure())).isEqualTo("{\"__type\":\"InternalFailure\"}");
    }

    @Test
    void cborBodyIsTheSameMap() {
        JsonNode body = parseCbor(ErrorEncoder.encode(AwsError.invalidArgument("bad"), WireFormat.CBOR));
        assertThat(body.get("__type").textValue()).isEqualTo("InvalidArgumentException");
        assertThat(body.get("message").textValue()).isEqualTo("bad");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void errorTypeHeaderNamesTheCoralNamespace() {
        assertThat(ErrorEncoder.errorTypeHeader(AwsError.resourceNotFound("x")))
                .isEqualTo("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.kinesis.v20131202/");
        assertThat(ErrorEncoder.errorTypeHeader(AwsError.validation("x")))
                .isEqualTo("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/");
        assertThat(ErrorEncoder.errorTypeHeader(AwsError.serialization("x")))
                .isEqualTo("SerializationException:http://internal.amazon.com/coral/com.amazon.coral.service/");
        assertThat(ErrorEncoder.errorTypeHeader(AwsError.serviceUnavailable(null)))
                .isEqualTo("ServiceUnavailable:http://internal.amazon.com/coral/com.amazon.coral.availability/");
    }

    @Test
    void statusCodes() {
        List<AwsError> clientErrors = List.of(AwsError.accessDenied("m"), AwsError.expiredIterator("m"),
                AwsError.expiredNextToken("m"), AwsError.invalidArgument("m"), AwsError.kmsAccessDenied("m"),
                AwsError.kmsDisabled("m"), AwsError.kmsInvalidState("m"), AwsError.kmsNotFound("m"),
                AwsError.kmsOptInRequired("m"), AwsError.kmsThrottling("m"), AwsError.limitExceeded("m"),
                AwsError.provisionedThroughputExceeded("m"), AwsError.resourceInUse("m"), AwsError.resourceNotFound("m"),
                AwsError.validation("m"), AwsError.serialization("m"), AwsError.unknownOperation(),
                AwsError.missingAuthenticationToken(), AwsError.incompleteSignature("m"), AwsError.invalidSignature("m"),
                AwsError.unrecognizedClient("m"), AwsError.throttling("m"));
        assertThat(clientErrors).allSatisfy(error -> {
            assertThat(error.httpStatus()).as(error.type()).isEqualTo(400);
            assertThat(error.isServerError()).isFalse();
        });
        assertThat(AwsError.internalFailure().httpStatus()).isEqualTo(500);
        assertThat(AwsError.internalFailureException("m").httpStatus()).isEqualTo(500);
        assertThat(AwsError.serviceUnavailable("m").httpStatus()).isEqualTo(503);
        assertThat(AwsError.missingAuthenticationToken().message()).isEqualTo("Missing Authentication Token");
    }

    private static String json(AwsError error) {
        return new String(ErrorEncoder.encode(error, WireFormat.JSON), StandardCharsets.UTF_8);
    }
}
