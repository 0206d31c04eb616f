package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import java.util.List;
import java.util.Map;

/**
 * A service Freshet serves (Kinesis Data Streams, later Firehose, video streams…): what it opened
 * on start, the HTTP handlers it answers with, and how to close it. The server knows services only
 * through this interface; each module's factory is listed in {@link ServiceAssembly}.
 *
 * <p>Life cycle: {@link Factory#open} runs once before the server listens (recover storage, start
 * background work); {@link #targetHandlers()} is read once; {@link #close()} runs once after the
 * server stopped taking requests and in-flight requests drained (or the grace period ran out), and
 * must flush whatever must survive a restart. Modules close in reverse order of opening.
 *
 * <p>Handlers run on Undertow IO threads and must not block there: dispatch blocking work with
 * {@code exchange.dispatch(HttpHandler)}, whose exceptions still become 500 responses (an exception
 * escaping {@code dispatch(Runnable)} is lost and leaves the request hanging). Read bodies with {@link RequestBodyErrors#CALLBACK} as the
 * error callback, raise errors through {@link ErrorResponder#of}, and find the parsed
 * {@code X-Amz-Target} with {@link AmzTarget#of}. Handlers must be thread-safe.
 */
public interface FreshetModule extends AutoCloseable {

    /**
     * Handlers for AWS JSON/CBOR services, by {@code X-Amz-Target} service prefix, e.g.
     * {@code Map.of("Kinesis_20131202", kinesisHandler)}. The handler receives every
     * {@code POST /} whose target starts with {@code <prefix>.} and answers unknown operations itself.
     */
    Map<String, HttpHandler> targetHandlers();

    /** Routes by URL path (REST-JSON operations, media resources); none by default. */
    default List<PathRoute> pathRoutes() {
        return List.of();
    }

    /**
     * The server is about to stop: called before it drains, while connections are still open, so
     * long-lived ones (WebSockets) can be told to go. By default nothing. Must not throw.
     */
    default void stopping() {
    }

    /** Flushes and releases what the module opened. Must not throw for an ordinary shutdown. */
    @Override
    void close();

    /** Opens a module. Implementations are listed in {@link ServiceAssembly#factories()}. */
    @FunctionalInterface
    interface Factory {

        /**
         * Opens the module's state under {@code context.config().absoluteDataDir()}.
         *
         * @throws Exception if the module cannot start; the server then exits with an error
         */
        FreshetModule open(ModuleContext context) throws Exception;
    }
}
