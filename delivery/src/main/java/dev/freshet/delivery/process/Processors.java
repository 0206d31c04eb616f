package dev.freshet.delivery.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.process.lambda.LambdaProcessor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a delivery stream's {@link ProcessorChain} from its {@code ProcessingConfiguration}
 *
 * <pre>
 * {"Enabled": true, "Processors": [{"Type": "MetadataExtraction", "Parameters": [
 *     {"ParameterName": "MetadataExtractionQuery", "ParameterValue": "{id:.customer_id}"},
 *     {"ParameterName": "JsonParsingEngine", "ParameterValue": "JQ-1.6"}]}, …]}
 * </pre>
 *
 * checking it as the service does: known types, each at most once; known parameter names, each at
 * most once, with non-blank values of at most 5120 characters; the parameters each type requires
 * and accepts (see the processors' {@code from} methods). Refusals are InvalidArgumentException
 * naming the processor and the parameter. The configuration is checked even when not enabled.
 *
 * <p>The steps run in the service's fixed order ({@link ProcessorType}), not the listed order.
 * For a Kinesis-sourced stream, KPL aggregated records are de-aggregated first, processing
 * enabled or not.
 *
 * <p>Stateless; thread-safe.
 */
public final class Processors {

    private static final int MAX_VALUE_LENGTH = 5120;
    private static final Pattern NOT_BLANK = Pattern.compile("^(?!\\s*$).+", Pattern.DOTALL);

    private Processors() {
    }

    /** Checks a ProcessingConfiguration without building anything lasting (for the API's validation). */
    public static void validate(JsonNode processingConfiguration) {
        build(processingConfiguration, false, ProcessingSettings.defaults());
    }

    /**
     * @param processingConfiguration the destination's {@code ProcessingConfiguration}, null or
     *     missing when it has none
     * @param kinesisSource whether the stream reads a Kinesis data stream (KPL de-aggregation)
     * @throws DeliveryException INVALID_ARGUMENT when the configuration is not valid
     */
    public static ProcessorChain build(JsonNode processingConfiguration, boolean kinesisSource,
            ProcessingSettings settings) {
        Map<ProcessorType, ProcessorParameters> configured = parse(processingConfiguration);
        boolean enabled = processingConfiguration != null && processingConfiguration.path("Enabled").asBoolean(false);
        List<RecordProcessor> steps = new ArrayList<>();
        if (kinesisSource) {
            steps.add(new KplDeaggregationProcessor(settings.clock()));
        }
        List<RecordProcessor> configuredSteps = new ArrayList<>();
        for (Map.Entry<ProcessorType, ProcessorParameters> entry : configured.entrySet()) {
            configuredSteps.add(create(entry.getValue(), settings));
        }
        if (configured.containsKey(ProcessorType.CLOUD_WATCH_LOG_PROCESSING)
                && !configured.containsKey(ProcessorType.DECOMPRESSION)) {
            throw DeliveryException.invalidArgument("processor CloudWatchLogProcessing requires the Decompression "
                + "processor");
        }
        if (enabled) {
            steps.addAll(configuredSteps);
        }
        return new ProcessorChain(steps);
    }

    private static RecordProcessor create(ProcessorParameters parameters, ProcessingSettings settings) {
        Clock clock = settings.clock();
        return switch (parameters.type()) {
            case DECOMPRESSION -> DecompressionProcessor.from(parameters, clock);
            case CLOUD_WATCH_LOG_PROCESSING -> CloudWatchLogsProcessor.from(parameters, clock);
            case RECORD_DE_AGGREGATION -> RecordDeAggregationProcessor.from(parameters, clock);
            case LAMBDA -> LambdaProcessor.from(parameters, settings.lambda(), clock);
            case METADATA_EXTRACTION -> MetadataExtractionProcessor.from(parameters, clock);
            case APPEND_DELIMITER_TO_RECORD -> AppendDelimiterProcessor.from(parameters, clock);
        };
    }

    /** The configured processors by type, in the service's order of application. */
    private static Map<ProcessorType, ProcessorParameters> parse(JsonNode configuration) {
        Map<ProcessorType, ProcessorParameters> out = new EnumMap<>(ProcessorType.class);
        if (configuration == null || configuration.isNull() || configuration.isMissingNode()) {
            return out;
        }
        if (!configuration.isObject()) {
            throw invalid("ProcessingConfiguration must be an object");
        }
        JsonNode enabled = configuration.get("Enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw invalid("ProcessingConfiguration.Enabled must be a boolean");
        }
        JsonNode processors = configuration.get("Processors");
        if (processors == null || processors.isNull()) {
            return out;
        }
        if (!processors.isArray()) {
            throw invalid("ProcessingConfiguration.Processors must be a list");
        }
        for (JsonNode processor : processors) {
            ProcessorParameters parameters = parseProcessor(processor);
            if (out.put(parameters.type(), parameters) != null) {
                throw invalid("processor " + parameters.type().awsName() + " is configured more than once");
            }
        }
        return out;
    }

    private static ProcessorParameters parseProcessor(JsonNode processor) {
        JsonNode typeNode = processor.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw invalid("every processor needs a Type");
        }
        ProcessorType type = ProcessorType.fromAwsName(typeNode.textValue()).orElseThrow(() -> invalid(
            "processor Type '" + typeNode.textValue() + "' is not one of RecordDeAggregation, Decompression, "
                + "CloudWatchLogProcessing, Lambda, MetadataExtraction, AppendDelimiterToRecord"));
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode parameters = processor.get("Parameters");
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isArray()) {
                throw invalid("Parameters of processor " + type.awsName() + " must be a list");
            }
            for (JsonNode parameter : parameters) {
                String name = parameter.path("ParameterName").asText("");
                if (!ProcessorParameters.KNOWN_NAMES.contains(name)) {
                    throw invalid("ParameterName '" + name + "' of processor " + type.awsName() + " is not one of "
                        + ProcessorParameters.KNOWN_NAMES.stream().sorted().toList());
                }
                JsonNode value = parameter.get("ParameterValue");
                if (value == null || !value.isTextual() || value.textValue().length() > MAX_VALUE_LENGTH
                        || !NOT_BLANK.matcher(value.textValue()).matches()) {
                    throw invalid("ParameterValue of parameter " + name + " of processor " + type.awsName()
                        + " must be a non-blank string of at most " + MAX_VALUE_LENGTH + " characters");
                }
                if (values.put(name, value.textValue()) != null) {
                    throw invalid("parameter " + name + " of processor " + type.awsName() + " is given more than once");
                }
            }
        }
        return new ProcessorParameters(type, values);
    }

    private static DeliveryException invalid(String message) {
        return DeliveryException.invalidArgument(message);
    }
}
