package dev.freshet.web.protocol;

import dev.freshet.web.protocol.ProtocolException.Reason;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.List;

/**
 * Checks a decoded input against its operation's input shape, as the service does, in two passes:
 * <ol>
 *   <li>types ({@link TypeChecker}): the first modelled member of the wrong type fails the request
 *       with a SerializationException ({@link Reason#WRONG_TYPE});</li>
 *   <li>constraints ({@link ConstraintChecker}): all violations, up to 10, fail it with one
 *       ValidationException ({@link Reason#CONSTRAINT_VIOLATION}):
 *       <pre>2 validation errors detected: Value null at 'records' failed to satisfy constraint: Member must not be null; Value 'foo bar' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+</pre></li>
 * </ol>
 * Unknown members are ignored (newer SDKs may send them). The input's tree is normalized on the way
 * (see {@link TypeChecker}).
 *
 * <p>Thread-safe (stateless); the input itself must not be shared.
 */
public final class ShapeValidator {

    private ShapeValidator() {
    }

    public static void validate(StructureShape shape, Input input) {
        TypeChecker.check(shape, input.node(), input.format());
        List<String> violations = ConstraintChecker.check(shape, input.node());
        if (!violations.isEmpty()) {
            throw new ProtocolException(AwsError.validation(message(violations)), Reason.CONSTRAINT_VIOLATION);
        }
    }

    /** {@code N validation error(s) detected: } followed by the violations joined with {@code "; "}. */
    static String message(List<String> violations) {
        int count = violations.size();
        String lead = count == 1 ? " validation error detected: " : " validation errors detected: ";
        return count + lead + String.join("; ", violations);
    }
}
