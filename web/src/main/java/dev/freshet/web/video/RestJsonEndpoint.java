package dev.freshet.web.video;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.protocol.ProtocolException;
import dev.freshet.web.protocol.RequestDecoder;
import dev.freshet.web.protocol.Shape.StructureShape;
import dev.freshet.web.protocol.ShapeValidator;
import dev.freshet.web.protocol.WireFormat;
import dev.freshet.web.server.ErrorResponder;
import dev.freshet.web.server.FullBodyReceiver;
import dev.freshet.web.server.RequestBodyErrors;
import dev.freshet.web.server.RequestIdHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * One REST-JSON operation at its path ({@code POST /createStream}): reads the whole body, then on a
 * worker thread decodes it as JSON, checks it against the operation's input shape, runs the
 * {@link RestJsonAction} and answers {@code 200 application/json} with the object it wrote.
 *
 * <p>Failures, all through {@link RestJsonErrors}:
 * <pre>
 *  body not JSON, not an object, wrong member type   400 SerializationException
 *  a model constraint (required, length, pattern…)  400 ValidationException, the service's wording
 *  a VideoException from the service                its status from VideoErrors
 *  anything else                                    500 InternalFailure (logged)
 * </pre>
 * Other methods than POST get the server's 404, as any path it does not serve. The
 * {@code Content-Type} is not checked: every KVS client sends JSON.
 *
 * <p>Thread-safe.
 */
public final class RestJsonEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestJsonEndpoint.class);

    private final String operation;
    private final StructureShape input;
    private final RestJsonAction action;

    /**
     * @param operation the model's operation name, for logs
     * @param input     the operation's input shape
     */
    public RestJsonEndpoint(String operation, StructureShape input, RestJsonAction action) {
        this.operation = operation;
        this.input = input;
        this.action = action;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            ErrorResponder.of(exchange).send(exchange, StatusCodes.NOT_FOUND, "NotFoundException",
                "No resource at " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
            return;
        }
        FullBodyReceiver.receive(exchange, (ex, body) -> ex.dispatch((HttpHandler) worker -> process(worker, body)),
            RequestBodyErrors.CALLBACK);
    }

    private void process(HttpServerExchange exchange, byte[] body) {
        try {
            Input request = RequestDecoder.decode(WireFormat.JSON, body);
            ShapeValidator.validate(input, request);
            OutputWriter output = OutputWriter.create(WireFormat.JSON).startObject();
            action.run(new RestJsonCall(request, BaseUrl.of(exchange)), output);
            respond(exchange, output.endObject().toByteBuffer());
        } catch (ProtocolException e) {
            RestJsonErrors.send(exchange, e.error());
        } catch (VideoException e) {
            RestJsonErrors.send(exchange, VideoErrors.of(e));
        } catch (PlaybackException e) {
            RestJsonErrors.send(exchange, VideoErrors.of(PlaybackErrors.of(e)));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.atError().setMessage("Kinesis Video Streams operation failed").setCause(e)
                .addKeyValue("operation", operation).log();
            RestJsonErrors.send(exchange, AwsError.internalFailure()
                .withMessage("Internal server error (request id " + RequestIdHandler.of(exchange) + ")"));
        }
    }

    private static void respond(HttpServerExchange exchange, ByteBuffer body) {
        exchange.setStatusCode(StatusCodes.OK);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, RestJsonErrors.CONTENT_TYPE);
        exchange.getResponseSender().send(body);
    }
}
