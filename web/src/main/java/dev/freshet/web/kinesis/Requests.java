package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.StreamRef;
import dev.freshet.web.protocol.Input;

/** Reading members many operations share. Stateless. */
final class Requests {

    private Requests() {
    }

    static StreamRef stream(Input input) {
        return new StreamRef(input.string("StreamName").orElse(null), input.string("StreamARN").orElse(null));
    }

    static String string(Input input, String member) {
        return input.string(member).orElse(null);
    }

    static Integer integer(Input input, String member) {
        return input.integer(member).orElse(null);
    }

    /** A member the model marks required; validation already refused its absence. */
    static String required(Input input, String member) {
        return input.string(member).orElseThrow();
    }
}
