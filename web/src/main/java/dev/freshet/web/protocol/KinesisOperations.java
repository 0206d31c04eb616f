package dev.freshet.web.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of the 39 Kinesis Data Streams operations, by name and by {@code X-Amz-Target}.
 * An unknown operation is answered with {@link AwsError#unknownOperation()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KinesisOperations {

    /** The {@code X-Amz-Target} prefix of Kinesis Data Streams: {@code Kinesis_20131202.}. */
    public static final String TARGET_PREFIX = "Kinesis_20131202.";

    private static final Map<String, OperationModel> BY_NAME = index();

    private KinesisOperations() {
    }

    /** The operation called {@code operationName} (case-sensitive, e.g. {@code PutRecords}). */
    public static Optional<OperationModel> find(String operationName) {
        return Optional.ofNullable(operationName == null ? null : BY_NAME.get(operationName));
    }

    /** The operation an {@code X-Amz-Target} header value names ({@code Kinesis_20131202.PutRecords}). */
    public static Optional<OperationModel> findByTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        return find(target.substring(TARGET_PREFIX.length()));
    }

    /** The names of all operations, sorted. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    private static Map<String, OperationModel> index() {
        Map<String, OperationModel> byName = new TreeMap<>();
        for (OperationModel operation : KinesisInputs.all()) {
            byName.put(operation.name(), operation);
        }
        return Collections.unmodifiableMap(byName);
    }
}
