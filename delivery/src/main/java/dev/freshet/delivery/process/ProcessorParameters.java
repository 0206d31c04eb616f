package dev.freshet.delivery.process;

import dev.freshet.delivery.DeliveryException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Parameters} of one processor, checked against what its type accepts. Every refusal
 * is an InvalidArgumentException naming the processor and the parameter.
 *
 * <p>Immutable; thread-safe.
 */
public final class ProcessorParameters {

    /** ProcessorParameterName of the Firehose model. */
    static final Set<String> KNOWN_NAMES = Set.of("LambdaArn", "NumberOfRetries", "MetadataExtractionQuery",
        "JsonParsingEngine", "RoleArn", "BufferSizeInMBs", "BufferIntervalInSeconds", "SubRecordType", "Delimiter",
        "CompressionFormat", "DataMessageExtraction");

    private final ProcessorType type;
    private final Map<String, String> values;

    ProcessorParameters(ProcessorType type, Map<String, String> values) {
        this.type = type;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** For processors built directly (tests, defaults). */
    public static ProcessorParameters of(ProcessorType type, Map<String, String> values) {
        return new ProcessorParameters(type, values);
    }

    public ProcessorType type() {
        return type;
    }

    /** Refuses any parameter outside {@code accepted} ({@code RoleArn} is accepted everywhere and ignored). */
    public void acceptOnly(Set<String> accepted) {
        for (String name : values.keySet()) {
            if (!accepted.contains(name) && !name.equals("RoleArn")) {
                throw invalid("parameter " + name + " is not supported by processor " + type.awsName());
            }
        }
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw invalid("processor " + type.awsName() + " requires parameter " + name);
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** An integer parameter within [min, max], or the default when absent. */
    public int integer(String name, int min, int max, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw invalid("parameter " + name + " of processor " + type.awsName() + " must be an integer from " + min
            + " to " + max + ", got '" + value + "'");
    }

    /** A decimal parameter within [min, max], or the default when absent. */
    public BigDecimal decimal(String name, BigDecimal min, BigDecimal max, BigDecimal defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.trim());
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw invalid("parameter " + name + " of processor " + type.awsName() + " must be a number from "
            + min.toPlainString() + " to " + max.toPlainString() + ", got '" + value + "'");
    }

    /** A parameter that must be one of {@code allowed} (case as the service spells them). */
    public String oneOf(String name, Set<String> allowed, String defaultValue) {
        String value = values.get(name);
        if (value == null && defaultValue != null) {
            return defaultValue;
        }
        if (value == null) {
            return required(name);
        }
        if (!allowed.contains(value)) {
            throw invalid("parameter " + name + " of processor " + type.awsName() + " must be one of "
                + allowed.stream().sorted().toList() + ", got '" + value + "'");
        }
        return value;
    }

    public DeliveryException invalid(String message) {
        return DeliveryException.invalidArgument(message);
    }
}
