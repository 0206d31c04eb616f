package dev.freshet.web.firehose;

import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.catalog.DeliveryStreams;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.Input;
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
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firehose endpoint ({@code X-Amz-Target: Firehose_20150804.<Operation>}, AWS JSON 1.1; CBOR
 * is understood too): reads the body, decodes it, validates it against the operation's model
 * (types, constraints, and unknown members inside configurations), applies limits mode, runs the
 * operation on a worker thread and answers in the request's encoding, or with
 * {@code {"__type", "message"}} and the error's status.
 *
 * <p>Thread-safe.
 */
public final class FirehoseApi implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FirehoseApi.class);

    private final DeliveryStreams streams;
    private final Map<String, FirehoseOperation> operations = new HashMap<>();

    public FirehoseApi(DeliveryStreams streams) {
        this.streams = streams;
        operations.putAll(new StreamOperations(streams).operations());
        operations.putAll(new TagAndEncryptionOperations(streams).operations());
        operations.putAll(new RecordOperations(streams).operations());
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
        String operation = AmzTarget.of(exchange).map(AmzTarget::operation).orElse("");
        try {
            OperationModel model = FirehoseInputs.find(operation)
                .orElseThrow(() -> new ProtocolException(AwsError.unknownOperation()));
            Input input = RequestDecoder.decode(format, body, model.input());
            model.validate(input);
            UnknownMembers.check(model.input(), input.node());
            streams.admitControlCall(operation);
            OutputWriter out = OutputWriter.create(format).startObject();
            operations.get(operation).handle(input, out);
            AwsJsonExchange.respond(exchange, format, out.endObject().toByteBuffer());
        } catch (ProtocolException e) {
            AwsJsonExchange.error(exchange, format, e.error());
        } catch (DeliveryException e) {
            AwsJsonExchange.error(exchange, format, FirehoseErrors.of(e));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.atError().setMessage("Firehose operation failed").setCause(e).addKeyValue("target", operation).log();
            AwsJsonExchange.error(exchange, format, AwsError.internalFailure());
        }
    }
}
