package dev.freshet.web.protocol;

import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.Objects;

/**
 * One operation of the API: its name ({@code PutRecords}), its input shape and whether it answers
 * with an event stream ({@code SubscribeToShard}) instead of one body.
 *
 * <p>Immutable and thread-safe.
 */
public record OperationModel(String name, StructureShape input, boolean eventStream) {

    public OperationModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
    }

    /**
     * Checks {@code request} against the input shape (see {@link ShapeValidator}); throws a
     * {@link ProtocolException} with a SerializationException or a ValidationException.
     */
    public void validate(Input request) {
        ShapeValidator.validate(input, request);
    }
}
