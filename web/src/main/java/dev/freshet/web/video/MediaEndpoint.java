package dev.freshet.web.video;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.ProtocolException;
import dev.freshet.web.protocol.RequestDecoder;
import dev.freshet.web.protocol.Shape.StructureShape;
import dev.freshet.web.protocol.ShapeValidator;
import dev.freshet.web.protocol.WireFormat;
import dev.freshet.web.server.FullBodyReceiver;
import dev.freshet.web.server.RequestBodyErrors;
import dev.freshet.web.server.RequestIdHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data-plane operation whose request is REST-JSON but whose response is media (GetMedia's MKV
 * stream, GetClip's MP4, GetMediaForFragmentList): reads and validates the JSON body like
 * {@link RestJsonEndpoint}, then hands the exchange to the {@link Action}, on a worker thread,
 * to answer as it needs. Errors raised before the action starts its response are REST-JSON errors.
 *
 * <p>Thread-safe.
 */
final class MediaEndpoint implements HttpHandler {

    /**
     * Answers one validated request; may block (it runs on a worker thread) or stream
     * asynchronously. Either way the action ends the exchange when its response is complete: the
     * endpoint does not end it when the action returns, so a response may outlive the call.
     */
    @FunctionalInterface
    interface Action {
        void answer(RestJsonCall call, HttpServerExchange exchange) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(MediaEndpoint.class);

    private final String operation;
    private final StructureShape input;
    private final Action action;

    MediaEndpoint(String operation, StructureShape input, Action action) {
        this.operation = operation;
        this.input = input;
        this.action = action;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            RestJsonErrors.send(exchange, AwsError.invalidArgument(operation + " is a POST."));
            return;
        }
        FullBodyReceiver.receive(exchange, (ex, body) -> ex.dispatch(() -> process(ex, body)),
            RequestBodyErrors.CALLBACK);
    }

    private void process(HttpServerExchange exchange, byte[] body) {
        try {
            Input request = RequestDecoder.decode(WireFormat.JSON, body);
            ShapeValidator.validate(input, request);
            action.answer(new RestJsonCall(request, BaseUrl.of(exchange)), exchange);
        } catch (ProtocolException e) {
            errorIfUnstarted(exchange, e.error());
        } catch (VideoException e) {
            errorIfUnstarted(exchange, VideoErrors.of(e));
        } catch (PlaybackException e) {
            errorIfUnstarted(exchange, VideoErrors.of(PlaybackErrors.of(e)));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            LOG.atError().setMessage("Kinesis Video Streams media operation failed").setCause(e)
                .addKeyValue("operation", operation).log();
            errorIfUnstarted(exchange, AwsError.internalFailure()
                .withMessage("Internal server error (request id " + RequestIdHandler.of(exchange) + ")"));
        }
    }

    private static void errorIfUnstarted(HttpServerExchange exchange, AwsError error) {
        if (exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            exchange.endExchange();
        } else {
            RestJsonErrors.send(exchange, error);
        }
    }
}
