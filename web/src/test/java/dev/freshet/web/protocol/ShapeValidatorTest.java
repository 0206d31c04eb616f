package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.decodeCbor;
import static dev.freshet.web.protocol.Bodies.decodeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.web.protocol.ProtocolException.Reason;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ShapeValidatorTest {

    private static final String ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/s";
    private static final String NOT_NULL = "failed to satisfy constraint: Member must not be null";

    @Test
    void createStreamWithoutName() {
        assertValidation("CreateStream", "{}",
                "1 validation error detected: Value null at 'streamName' " + NOT_NULL);
    }

    @Test
    void createStreamNullNameIsMissing() {
        assertValidation("CreateStream", "{'StreamName':null,'ShardCount':1}",
                "1 validation error detected: Value null at 'streamName' " + NOT_NULL);
    }

    @Test
    void patternMessageQuotesTheValue() {
        assertValidation("DeleteStream", "{'StreamName':'foo bar'}",
                "1 validation error detected: Value 'foo bar' at 'streamName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void multipleErrorsInModelOrderWithSaturatedIntegers() {
        assertValidation("CreateStream",
                "{'MaxRecordSizeInKiB':100000000000,'StreamModeDetails':{'StreamMode':'X'},'ShardCount':0,'StreamName':''}",
                "5 validation errors detected: "
                        + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                        + "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                        + "Value 'X' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]; "
                        + "Value '2147483647' at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value less than or equal to 10240");
    }

    @Test
    void getShardIteratorBadEnumAndMissingShard() {
        assertValidation("GetShardIterator", "{'StreamName':'s','ShardIteratorType':'OLDEST'}",
                "2 validation errors detected: Value null at 'shardId' " + NOT_NULL + "; "
                        + "Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
    }

    @Test
    void putRecordsNestedListErrors() {
        assertValidation("PutRecords", "{'StreamName':'','Records':[{'PartitionKey':'a','Data':''},"
                        + "{'PartitionKey':'','Data':'','ExplicitHashKey':''},{'PartitionKey':'b'}]}",
                "5 validation errors detected: "
                        + "Value '' at 'records.2.member.explicitHashKey' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38}); "
                        + "Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; "
                        + "Value null at 'records.3.member.data' " + NOT_NULL + "; "
                        + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void putRecordsEmptyListAndNullEntry() {
        assertValidation("PutRecords", "{'Records':[],'StreamName':'s'}",
                "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertValidation("PutRecords", "{'Records':[null]}",
                "1 validation error detected: Value null at 'records.1.member' " + NOT_NULL);
    }

    @Test
    void putRecordsStopsAtTenErrorsAndPrintsStructuresAsJavaObjects() {
        String records = "{'PartitionKey':'','Data':''},".repeat(501);
        String message = validationMessage("PutRecords", "{'StreamName':'','Records':[" + records.substring(0, records.length() - 1) + "]}");
        assertThat(message).startsWith("10 validation errors detected: Value '[com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@");
        assertThat(message).contains("]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500; "
                + "Value '' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1; ");
        assertThat(message).endsWith("Value '' at 'records.9.member.partitionKey' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1");
    }

    @Test
    void blobLengthIsPrintedAsAHeapByteBuffer() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("PartitionKey", "k").put("StreamName", "s");
        body.set("Data", BinaryNode.valueOf(new byte[10485761]));
        assertThat(validationMessage("PutRecord", () -> new Input(body, WireFormat.CBOR))).isEqualTo(
                "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=10485761 cap=10485761]' at 'data' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 10485760");
    }

    @Test
    void listShardsShardFilter() {
        assertValidation("ListShards", "{'StreamName':'s','ShardFilter':{}}",
                "1 validation error detected: Value null at 'shardFilter.type' " + NOT_NULL);
        assertValidation("ListShards", "{'ShardFilter':{'Type':'AT_NOW','ShardId':'bad id'},'MaxResults':0}",
                "3 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1; "
                        + "Value 'AT_NOW' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]; "
                        + "Value 'bad id' at 'shardFilter.shardId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void tagResourceMapConstraints() {
        String longValue = "v".repeat(257);
        String tags = "{'':'v','k':'" + longValue + "'}";
        assertValidation("TagResource", "{'Tags':" + tags + ",'ResourceARN':'" + ARN + "'}",
                "2 validation errors detected: "
                        + "Value '{=v, k=" + longValue + "}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: "
                        + "[Member must have length less than or equal to 128, Member must have length greater than or equal to 1]; "
                        + "Value '{=v, k=" + longValue + "}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 256, Member must have length greater than or equal to 0]");
    }

    @Test
    void tagResourceEmptyMapAndMissingArn() {
        assertValidation("TagResource", "{'Tags':{}}",
                "2 validation errors detected: Value '{}' at 'tags' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value null at 'resourceARN' " + NOT_NULL);
        assertValidation("TagResource", "{'Tags':{'a':null},'ResourceARN':'" + ARN + "'}",
                "1 validation error detected: Value null at 'tags.a.member' " + NOT_NULL);
    }

    @Test
    void scalarListElementsAreCheckedAsAWhole() {
        String longKey = "x".repeat(129);
        assertValidation("RemoveTagsFromStream", "{'StreamName':'s','TagKeys':['a','" + longKey + "','b']}",
                "1 validation error detected: Value '[a, " + longKey + ", b]' at 'tagKeys' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have length less than or equal to 128, "
                        + "Member must have length greater than or equal to 1]");
        assertValidation("EnableEnhancedMonitoring", "{'StreamName':'s','ShardLevelMetrics':['ALL','Bogus']}",
                "1 validation error detected: Value '[ALL, Bogus]' at 'shardLevelMetrics' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must satisfy enum value set: [IncomingBytes, IncomingRecords, "
                        + "OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, "
                        + "IteratorAgeMilliseconds, ALL]]");
        assertValidation("UntagResource", "{'TagKeys':['a',null],'ResourceARN':'" + ARN + "'}",
                "1 validation error detected: Value null at 'tagKeys.2.member' " + NOT_NULL);
    }

    @Test
    void subscribeToShardNestedRequiredStructure() {
        assertValidation("SubscribeToShard", "{'ConsumerARN':'x','ShardId':'shardId-000000000000','StartingPosition':{}}",
                "2 validation errors detected: Value 'x' at 'consumerARN' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: ^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+; "
                        + "Value null at 'startingPosition.type' " + NOT_NULL);
    }

    @Test
    void anOverlongValueIsNotPatternMatched() {
        String name = "a b".repeat(50);
        assertValidation("DeleteStream", "{'StreamName':'" + name + "'}",
                "1 validation error detected: Value '" + name + "' at 'streamName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
    }

    @Test
    void typeErrorsComeFirstAsSerializationExceptions() {
        assertSerialization("PutRecords", "{'StreamName':'','Records':[{'Data':'AAAA','PartitionKey':5}]}",
                "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String");
        assertSerialization("GetRecords", "{'ShardIterator':'i','Limit':'10'}",
                "class java.lang.String can not be converted to an Integer");
        assertSerialization("PutRecords", "{'Records':{}}", "Start of structure or map found where not expected.");
        assertSerialization("AddTagsToStream", "{'Tags':[]}", "Start of list found where not expected");
        assertSerialization("ListShards", "{'ShardFilter':'x'}", "Expected null");
        assertSerialization("RemoveTagsFromStream", "{'TagKeys':'a'}", "Expected list or null");
        assertSerialization("GetShardIterator", "{'Timestamp':'2020-01-01T00:00:00Z'}",
                "class java.lang.String can not be converted to milliseconds since epoch");
        assertSerialization("PutRecord", "{'Data':'AAA'}",
                "'AAA' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3");
        assertSerialization("DeleteStream", "{'EnforceConsumerDeletion':'maybe'}", "'MAYBE' can not be converted to an Boolean");
    }

    @Test
    void validInputsPassAndUnknownMembersAreIgnored() {
        assertValid("CreateStream", "{'StreamName':'s','ShardCount':2,'Future':[1,{'x':null}],'StreamModeDetails':{'StreamMode':'ON_DEMAND','New':1}}");
        assertValid("PutRecords", "{'StreamARN':'" + ARN + "','Records':[{'Data':'AAECAw==','PartitionKey':'k','ExplicitHashKey':'0'}]}");
        assertValid("TagResource", "{'ResourceARN':'" + ARN + "','Tags':{'k':''}}");
        assertValid("DescribeLimits", "{}");
        assertValid("GetShardIterator", "{'StreamName':'s','ShardId':'shardId-0','ShardIteratorType':'AT_TIMESTAMP','Timestamp':1.7e9}");
        assertValid("DeleteStream", "{'StreamName':'s','EnforceConsumerDeletion':'true'}");
    }

    @Test
    void cborInputsValidateTheSame() {
        assertThat(validationMessage("CreateStream", () -> decodeCbor("{'StreamName':'foo bar'}")))
                .isEqualTo(validationMessage("CreateStream", () -> decodeJson("{'StreamName':'foo bar'}")));
    }

    @Test
    void validationLeavesBlobsAsBytesAndBooleansAsBooleans() {
        Input input = decodeJson("{'Data':'AAECAw==','PartitionKey':'k','StreamName':'s'}");
        operation("PutRecord").validate(input);
        assertThat(input.node().get("Data").isBinary()).isTrue();
        assertThat(input.blob("Data").orElseThrow()).containsExactly(0, 1, 2, 3);
        Input delete = decodeJson("{'StreamName':'s','EnforceConsumerDeletion':'TRUE'}");
        operation("DeleteStream").validate(delete);
        assertThat(delete.node().get("EnforceConsumerDeletion").isBoolean()).isTrue();
    }

    private static OperationModel operation(String name) {
        return KinesisOperations.find(name).orElseThrow();
    }

    private static void assertValid(String operation, String body) {
        assertThatCode(() -> operation(operation).validate(decodeJson(body))).doesNotThrowAnyException();
    }

    private static void assertValidation(String operation, String body, String message) {
        assertThat(validationMessage(operation, body)).isEqualTo(message);
    }

    private static String validationMessage(String operation, String body) {
        return validationMessage(operation, () -> decodeJson(body));
    }

    private static String validationMessage(String operation, Supplier<Input> input) {
        Input decoded = input.get();
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> operation(operation).validate(decoded));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.CONSTRAINT_VIOLATION);
        assertThat(e.error().type()).isEqualTo("ValidationException");
        assertThat(e.error().httpStatus()).isEqualTo(400);
        return e.error().message();
    }

    private static void assertSerialization(String operation, String body, String message) {
        Input decoded = decodeJson(body);
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> operation(operation).validate(decoded));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(e.error()).isEqualTo(AwsError.serialization(message));
    }
}
