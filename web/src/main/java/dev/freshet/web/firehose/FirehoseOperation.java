package dev.freshet.web.firehose;

import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

/**
 * One Firehose operation: reads its validated input and writes its output members into the
 * response object the dispatcher opened (and closes). Implementations call the plain-Java
 * delivery-stream services and know nothing of HTTP.
 */
@FunctionalInterface
interface FirehoseOperation {

    void handle(Input input, OutputWriter output);
}
