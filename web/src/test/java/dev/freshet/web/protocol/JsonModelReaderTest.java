package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonModelReaderTest {

    private static final OperationModel PUT_RECORDS = KinesisOperations.find("PutRecords").orElseThrow();
    private static final OperationModel PUT_RECORD = KinesisOperations.find("PutRecord").orElseThrow();

    @Test
    void canonicalBlobsArriveDecoded() throws IOException {
        ObjectNode root = read(PUT_RECORDS, "{'StreamName':'s','Records':[{'Data':'AAECAw==','PartitionKey':'k'},"
                + "{'PartitionKey':'p','Data':'','ExplicitHashKey':'12'},{'Data':'AAEC','PartitionKey':'q'}]}");
        JsonNode records = root.get("Records");
        assertThat(records.get(0).get("Data").isBinary()).isTrue();
        assertThat(records.get(0).get("Data").binaryValue()).containsExactly(0, 1, 2, 3);
        assertThat(records.get(1).get("Data").binaryValue()).isEmpty();
        assertThat(records.get(2).get("Data").binaryValue()).containsExactly(0, 1, 2);
        assertThat(records.get(1).get("ExplicitHashKey").textValue()).isEqualTo("12");
    }

    @Test
    void readsTheTopLevelBlobOfPutRecordAndAnOffsetSlice() throws IOException {
        byte[] framed = "xx{'StreamName':'s','Data':'aGVsbG8=','PartitionKey':'k'}yy".replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode root = JsonModelReader.read(PUT_RECORD.input(), framed, 2, framed.length - 4);
        assertThat(root.get("Data").isBinary()).isTrue();
        assertThat(root.get("Data").binaryValue()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAECAx==", "AAEC\\u0041w==", "AAE", "AA=C", "!!!!", "AAEC\\/w=="})
    void otherBlobTextStaysTextForTheValidationToJudge(String data) {
        ObjectNode root = read(PUT_RECORD, "{'Data':'" + data + "'}");
        assertThat(root.get("Data").isTextual()).isTrue();
    }

    @Test
    void unmodelledMembersAndOtherTypesAreLeftAsJacksonReadsThem() {
        String body = "{'StreamName':1.5,'Records':{'a':[1,2e3,null,true]},'Extra':{'Data':'AAAA'},'StreamARN':null}";
        assertThat(read(PUT_RECORDS, body)).isEqualTo(Bodies.parseJson(json(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "'x'", "{'a':1", "{'a':1}{}", "{'a':1,'a':2}", "{'Records':[{'Data':'AAAA'}]} x"})
    void leavesBodiesThatAreNotOneObjectToThePlainPath(String body) {
        assertThat(read(PUT_RECORDS, body)).isNull();
    }

    @Test
    void theDecodedInputIsTheOneThePlainPathValidatesTo() {
        byte[] body = json("{'StreamName':'s','Records':[{'Data':'AAECAw==','PartitionKey':'k'},"
                + "{'Data':'AAEC\\u0041w==','PartitionKey':'p'}]}");
        Input plain = RequestDecoder.decode(WireFormat.JSON, body);
        Input model = RequestDecoder.decode(WireFormat.JSON, body, PUT_RECORDS.input());
        PUT_RECORDS.validate(plain);
        PUT_RECORDS.validate(model);
        assertThat(model.node()).isEqualTo(plain.node());
        assertThat(model.structures("Records").get(1).blob("Data").orElseThrow()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void cborIsDecodedAsBefore() {
        byte[] body = Bodies.cbor("{'StreamName':'s'}");
        assertThat(RequestDecoder.decode(WireFormat.CBOR, body, PUT_RECORDS.input()).node())
                .isEqualTo(RequestDecoder.decode(WireFormat.CBOR, body).node());
    }

    private static ObjectNode read(OperationModel operation, String singleQuoted) {
        byte[] body = json(singleQuoted);
        return JsonModelReader.read(operation.input(), body, 0, body.length);
    }
}
