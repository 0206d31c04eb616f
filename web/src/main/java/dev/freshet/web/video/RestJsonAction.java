package dev.freshet.web.video;

import dev.freshet.web.protocol.OutputWriter;

/**
 * What one REST-JSON operation does: reads its validated input and writes its output members into
 * the response object the endpoint opened (and closes). It calls the plain-Java services and
 * raises their {@code VideoException}s or a {@code ProtocolException}; the endpoint answers those
 * as errors.
 *
 * <p>Implementations must be thread-safe: one instance serves every request.
 */
@FunctionalInterface
public interface RestJsonAction {

    void run(RestJsonCall call, OutputWriter output);
}
