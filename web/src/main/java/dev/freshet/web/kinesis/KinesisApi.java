package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.KinesisException;
import dev.freshet.datastreams.kinesis.ShardSubscription;
import dev.freshet.datastreams.kinesis.Subscriptions;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.KinesisOperations;
import dev.freshet.web.protocol.OperationModel;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.protocol.ProtocolException;
import dev.freshet.web.protocol.RequestDecoder;
import dev.freshet.web.protocol.WireFormat;
import dev.freshet.web.server.AmzTarget;
import dev.freshet.web.server.AwsJsonExchange;
import dev.freshet.web.server.FullBodyReceiver;
import dev.freshet.web.server.RequestBodyErrors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Kinesis Data Streams endpoint ({@code X-Amz-Target: Kinesis_20131202.<Operation>}): reads the
 * body, decodes it in the request's encoding (AWS JSON 1.1 or CBOR 1.1), validates it against the
 * operation's model, applies limits mode, runs the operation on a worker thread and answers in the
 * same encoding — or with the AWS-shaped error. SubscribeToShard answers with an event stream.
 *
 * <p>Thread-safe.
 */
public final class KinesisApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisApi.class);

    private final DataStreams kinesis;
    private final Map<String, KinesisOperation> operations = new HashMap<>();
    private final ScheduledExecutorService timer;

    public KinesisApi(DataStreams kinesis, ScheduledExecutorService timer) {
        this.kinesis = kinesis;
        this.timer = timer;
        operations.putAll(new StreamOperations(kinesis.streams()).operations());
        operations.putAll(new StreamSettingOperations(kinesis.settings()).operations());
        operations.putAll(new ShardOperations(kinesis.shards(), kinesis.resharding()).operations());
        operations.putAll(new RecordOperations(kinesis.writer(), kinesis.reader()).operations());
        operations.putAll(new ConsumerOperations(kinesis.consumers()).operations());
        operations.putAll(new TagOperations(kinesis.tags()).operations());
        operations.putAll(new PolicyAndAccountOperations(kinesis.policies(), kinesis.account()).operations());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        FullBodyReceiver.receive(exchange, (ex, body) -> ex.dispatch(() -> process(ex, body)), RequestBodyErrors.CALLBACK);
    }

    private void process(HttpServerExchange exchange, byte[] body) {
        WireFormat format = AwsJsonExchange.formatOrRefuse(exchange);
        if (format == null) {
            return;
        }
        try {
            String operation = AmzTarget.of(exchange).map(AmzTarget::operation).orElse("");
            OperationModel model = KinesisOperations.find(operation)
                .orElseThrow(() -> new ProtocolException(AwsError.unknownOperation()));
            Input input = RequestDecoder.decode(format, body, model.input());
            model.validate(input);
            admit(operation, input);
            if (model.eventStream()) {
                subscribe(exchange, input, format);
            } else {
                AwsJsonExchange.respond(exchange, format, run(operation, input, format));
            }
        } catch (ProtocolException e) {
            AwsJsonExchange.error(exchange, format, e.error());
        } catch (KinesisException e) {
            AwsJsonExchange.error(exchange, format, KinesisErrors.of(e));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.atError().setMessage("Kinesis operation failed").setCause(e)
                .addKeyValue("target", AmzTarget.of(exchange).map(AmzTarget::operation).orElse("")).log();
            AwsJsonExchange.error(exchange, format, AwsError.internalFailure());
        }
    }

    private ByteBuffer run(String operation, Input input, WireFormat format) {
        OutputWriter out = OutputWriter.create(format).startObject();
        operations.get(operation).handle(input, out);
        return out.endObject().toByteBuffer();
    }

    /** Limits mode: the operation's control-plane rate, per account, stream or shard. */
    private void admit(String operation, Input input) {
        String stream = input.string("StreamName").orElseGet(() -> input.string("StreamARN")
            .map(arn -> arn.substring(arn.indexOf("stream/") + "stream/".length())).orElse(null));
        kinesis.admitControlCall(operation, stream, input.string("ShardId").orElse(null));
    }

    private void subscribe(HttpServerExchange exchange, Input input, WireFormat format) {
        Input position = input.structure("StartingPosition").orElseThrow();
        ShardSubscription subscription = kinesis.subscriptions().subscribe(Requests.required(input, "ConsumerARN"),
            Requests.required(input, "ShardId"), new Subscriptions.StartingPosition(Requests.required(position, "Type"),
                Requests.string(position, "SequenceNumber"), position.timestamp("Timestamp").orElse(null)));
        new SubscriptionPump(exchange, subscription, format, exchange.getConnection().getWorker(), timer,
            kinesis.config().clock()).start();
    }
}
