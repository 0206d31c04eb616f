package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, decode + validate + typed reads end in success or a ProtocolException
 * carrying a 400 SerializationException/ValidationException; and an input that validated reads
 * back through {@link Input} without any exception.
 */
class ProtocolRobustnessTest {

    private static final List<String> OPERATIONS = List.copyOf(KinesisOperations.names());
    private static final Set<String> REQUEST_ERRORS = Set.of("SerializationException", "ValidationException");

    /** Valid request bodies (JSON), with the operation they belong to. */
    private static final List<Seed> SEEDS = List.of(
            new Seed("PutRecords", "{'StreamName':'s','Records':[{'Data':'AAECAw==','PartitionKey':'k','ExplicitHashKey':'123'},"
                    + "{'Data':'','PartitionKey':'p'}]}"),
            new Seed("PutRecord", "{'StreamARN':'arn:aws:kinesis:us-east-1:123456789012:stream/s','Data':'aGVsbG8=',"
                    + "'PartitionKey':'k','SequenceNumberForOrdering':'49590338271490256608559692538361571095921575989136588898'}"),
            new Seed("CreateStream", "{'StreamName':'s','ShardCount':4,'StreamModeDetails':{'StreamMode':'PROVISIONED'},"
                    + "'Tags':{'team':'data','env':''},'MaxRecordSizeInKiB':1024}"),
            new Seed("GetShardIterator", "{'StreamName':'s','ShardId':'shardId-000000000000',"
                    + "'ShardIteratorType':'AT_TIMESTAMP','Timestamp':1616506576.795}"),
            new Seed("ListShards", "{'StreamName':'s','MaxResults':100,'ShardFilter':{'Type':'AFTER_SHARD_ID',"
                    + "'ShardId':'shardId-000000000001','Timestamp':1700000000}}"),
            new Seed("TagResource", "{'ResourceARN':'arn:aws:kinesis:us-east-1:123456789012:stream/s','Tags':{'a':'b','c':'d'}}"),
            new Seed("RemoveTagsFromStream", "{'StreamName':'s','TagKeys':['a','b']}"),
            new Seed("EnableEnhancedMonitoring", "{'StreamName':'s','ShardLevelMetrics':['IncomingBytes','ALL']}"),
            new Seed("SubscribeToShard", "{'ConsumerARN':'arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1',"
                    + "'ShardId':'shardId-000000000000','StartingPosition':{'Type':'AT_SEQUENCE_NUMBER','SequenceNumber':'1'}}"),
            new Seed("UpdateAccountSettings", "{'MinimumThroughputBillingCommitment':{'Status':'ENABLED'}}"),
            new Seed("DeleteStream", "{'StreamName':'s','EnforceConsumerDeletion':true}"),
            new Seed("GetRecords", "{'ShardIterator':'AAAAAAAAAAH','Limit':10000}"));

    @Property(tries = 1000)
    void randomBytesOnlyRaiseRequestErrors(@ForAll @Size(max = 300) byte[] body, @ForAll("operations") String operation,
            @ForAll WireFormat format) {
        decodeValidateRead(operation, format, body);
    }

    @Property(tries = 3000)
    void mutatedValidBodiesOnlyRaiseRequestErrors(@ForAll("mutatedBodies") MutatedBody body) {
        decodeValidateRead(body.operation(), body.format(), body.bytes());
    }

    @Property(tries = 2000)
    void retypedValidBodiesOnlyRaiseRequestErrors(@ForAll("seeds") Seed seed, @ForAll WireFormat format,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where, @ForAll("replacements") String replacement) {
        JsonNode tree = Bodies.parseJson(Bodies.json(seed.json()));
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(tree, containers);
        JsonNode target = containers.get((int) (where * containers.size()) % containers.size());
        replaceOneValue(target, where, Bodies.parseJson(Bodies.json(replacement)));
        byte[] body = format == WireFormat.JSON ? tree.toString().getBytes(StandardCharsets.UTF_8) : sdkStyleCbor(tree);
        decodeValidateRead(seed.operation(), format, body);
    }

    @Property(tries = 200)
    void seedsAreValidInBothFormats(@ForAll("seeds") Seed seed, @ForAll WireFormat format) {
        Input input = RequestDecoder.decode(format, seed.encode(format));
        KinesisOperations.find(seed.operation()).orElseThrow().validate(input);
    }

    private static void decodeValidateRead(String operationName, WireFormat format, byte[] body) {
        OperationModel operation = KinesisOperations.find(operationName).orElseThrow();
        Input input;
        try {
            input = RequestDecoder.decode(format, body);
            operation.validate(input);
        } catch (ProtocolException e) {
            Statistics.collect(e.reason());
            assertThat(e.error().type()).isIn(REQUEST_ERRORS);
            assertThat(e.error().httpStatus()).isEqualTo(400);
            assertThat(e.error().message()).isNotBlank();
            return;
        }
        Statistics.collect("VALID");
        readEverything(operation.input(), input);
    }

    /** Reads every modelled member the way a handler would; must not throw after validation. */
    private static void readEverything(StructureShape shape, Input input) {
        for (Member member : shape.members()) {
            read(member.shape(), member.name(), input);
        }
    }

    private static void read(Shape shape, String name, Input input) {
        if (shape instanceof Shape.StringShape) {
            input.string(name);
        } else if (shape instanceof Shape.IntegerShape integer) {
            Object unused = integer.isLong() ? input.longInteger(name) : input.integer(name);
        } else if (shape instanceof Shape.BooleanShape) {
            input.bool(name);
        } else if (shape instanceof Shape.BlobShape) {
            input.blob(name);
        } else if (shape instanceof Shape.TimestampShape) {
            input.timestamp(name);
        } else if (shape instanceof StructureShape structure) {
            input.structure(name).ifPresent(nested -> readEverything(structure, nested));
        } else if (shape instanceof ListShape list && list.member() instanceof StructureShape element) {
            input.structures(name).forEach(nested -> readEverything(element, nested));
        } else if (shape instanceof ListShape) {
            input.strings(name);
        } else if (shape instanceof MapShape) {
            input.stringMap(name);
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode() && !node.isEmpty()) {
            containers.add(node);
        }
        node.forEach(child -> collectContainers(child, containers));
    }

    private static void replaceOneValue(JsonNode container, double where, JsonNode replacement) {
        int index = (int) (where * 1000) % container.size();
        if (container instanceof ArrayNode array) {
            array.set(index, replacement);
        } else {
            ObjectNode object = (ObjectNode) container;
            object.set(List.copyOf(object.properties()).get(index).getKey(), replacement);
        }
    }

    // ---- generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPERATIONS);
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.of("''", "'x'", "'foo bar'", "'AAA'", "'===='", "'+/+='", "'true'", "'2020-01-01T00:00:00Z'",
                "0", "-1", "1.5", "-0.0", "1e300", "99999999999999999999999", "true", "false", "null", "[]", "[null]",
                "[1,'a']", "{}", "{'a':1}", "{'Type':'LATEST'}", "'" + "y".repeat(300) + "'");
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<MutatedBody> mutatedBodies() {
        Arbitrary<String> operation = Arbitraries.oneOf(Arbitraries.just(null), operations());
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(seeds(), Arbitraries.of(WireFormat.values()), operation, mutations)
                .as((seed, format, other, changes) -> new MutatedBody(other == null ? seed.operation() : other,
                        format, Mutation.applyAll(seed.encode(format), changes)));
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Mutation.Kind.values()), Arbitraries.doubles().between(0, 1),
                Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of(INTERESTING)), Arbitraries.integers().between(1, 16))
                .as(Mutation::new);
    }

    /** Bytes that open, close or retype CBOR and JSON values. */
    private static final Byte[] INTERESTING = {(byte) 0xff, (byte) 0xbf, (byte) 0x9f, (byte) 0xa1, (byte) 0x5f,
        (byte) 0x7f, (byte) 0xc1, (byte) 0xc4, (byte) 0xf7, (byte) 0xf9, (byte) 0xfb, (byte) 0x1b, 0x00,
        '{', '}', '[', ']', '"', ':', ',', '\\', 'e', '-', '.', '9'};

    record Seed(String operation, String json) {

        byte[] encode(WireFormat format) {
            byte[] text = Bodies.json(json);
            return format == WireFormat.JSON ? text : sdkStyleCbor(Bodies.parseJson(text));
        }

        @Override
        public String toString() {
            return operation;
        }
    }

    record MutatedBody(String operation, WireFormat format, byte[] bytes) {

        @Override
        public String toString() {
            return operation + " " + format + " " + Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** One edit at a relative position of the body. */
    record Mutation(Kind kind, double where, byte value, int length) {

        enum Kind { FLIP_BIT, SET_BYTE, INSERT, DELETE, TRUNCATE, DUPLICATE }

        static byte[] applyAll(byte[] body, List<Mutation> mutations) {
            byte[] result = body;
            for (Mutation mutation : mutations) {
                result = mutation.apply(result);
            }
            return result;
        }

        byte[] apply(byte[] body) {
            int at = (int) (where * body.length);
            List<Byte> bytes = new ArrayList<>(body.length + length);
            for (byte b : body) {
                bytes.add(b);
            }
            int end = Math.min(body.length, at + length);
            switch (kind) {
                case FLIP_BIT -> { if (at < body.length) bytes.set(at, (byte) (body[at] ^ (1 << (length % 8)))); }
                case SET_BYTE -> { if (at < body.length) bytes.set(at, value); }
                case INSERT -> bytes.add(at, value);
                case DELETE -> bytes.subList(at, end).clear();
                case TRUNCATE -> bytes.subList(at, body.length).clear();
                case DUPLICATE -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, end)));
                default -> throw new IllegalStateException();
            }
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
            }
            return out;
        }
    }

    /**
     * The CBOR the Java SDK would send for a JSON body: indefinite-length containers, byte strings
     * for {@code Data}, tag 1 + integer milliseconds for {@code Timestamp}.
     */
    static byte[] sdkStyleCbor(JsonNode json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) Bodies.PLAIN_CBOR.getFactory().createGenerator(out)) {
            write(generator, null, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator generator, String name, JsonNode node) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (var entry : node.properties()) {
                generator.writeFieldName(entry.getKey());
                write(generator, entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, null, element);
            }
            generator.writeEndArray();
        } else if ("Data".equals(name) && node.isTextual() && node.textValue().matches("([A-Za-z0-9+/]{4})*")) {
            generator.writeBinary(Base64.getDecoder().decode(node.textValue()));
        } else if ("Timestamp".equals(name) && node.isNumber()) {
            generator.writeTag(1);
            generator.writeNumber(Math.round(node.doubleValue() * 1000));
        } else {
            generator.writeTree(node);
        }
    }
}
