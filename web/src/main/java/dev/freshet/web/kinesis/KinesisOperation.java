package dev.freshet.web.kinesis;

import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

/**
 * One Kinesis operation: reads its validated input and writes its output members into the
 * response object the dispatcher opened (and closes). Implementations call the plain-Java
 * services of the datastreams module and know nothing of HTTP.
 */
@FunctionalInterface
interface KinesisOperation {

    void handle(Input input, OutputWriter output);
}
