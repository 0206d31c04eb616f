package dev.freshet.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.KinesisOperations;
import dev.freshet.web.protocol.OperationModel;
import dev.freshet.web.protocol.RequestDecoder;
import dev.freshet.web.protocol.WireFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The server's request side of one PutRecords call of {@value #RECORDS} records of
 * {@value #RECORD_BYTES} bytes, as the SDK writes it: decode the body, validate it against the
 * operation's model, read each record's partition key, hash key and data. {@code path=plain} decodes
 * without the model (a Jackson tree of base64 text, decoded during validation), {@code path=model}
 * with it (the server's path). Scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PutRecordsDecodeBenchmark {

    static final int RECORDS = 500;
    static final int RECORD_BYTES = 1024;
    private static final OperationModel PUT_RECORDS = KinesisOperations.find("PutRecords").orElseThrow();

    @Param({"JSON", "CBOR"})
    public WireFormat format;

    @Param({"plain", "model"})
    public String path;

    private byte[] body;

    @Setup(Level.Trial)
    public void makeBody() throws IOException {
        ObjectMapper mapper = format.mapper();
        ObjectNode request = mapper.createObjectNode().put("StreamName", "bench-put");
        ArrayNode records = request.putArray("Records");
        Random random = new Random(7);
        for (int i = 0; i < RECORDS; i++) {
            byte[] data = new byte[RECORD_BYTES];
            random.nextBytes(data);
            records.addObject().put("Data", data).put("PartitionKey", "pk-" + random.nextInt(1_000_000));
        }
        body = mapper.writeValueAsBytes(request);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long decodeAndValidate() {
        Input input = path.equals("model")
                ? RequestDecoder.decode(format, body, PUT_RECORDS.input())
                : RequestDecoder.decode(format, body);
        PUT_RECORDS.validate(input);
        long sum = 0;
        for (Input record : input.structures("Records")) {
            sum += record.string("PartitionKey").orElseThrow().length();
            sum += record.string("ExplicitHashKey").map(String::length).orElse(0);
            sum += record.blob("Data").orElseThrow().length;
        }
        return sum;
    }
}
