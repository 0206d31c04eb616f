package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.web.protocol.Shape.BlobShape;
import dev.freshet.web.protocol.Shape.BooleanShape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compares our hand-written input model with {@code kinesis-model.txt}, a dump of botocore's
 * service-2.json for Kinesis_20131202: our shapes are printed in the dump's format and the INPUT
 * blocks must be identical, so a missing member, a wrong bound or a typo in a pattern fails here.
 */
class KinesisModelConformanceTest {

    @Test
    void everyOperationOfTheModelIsKnownAndNoOther() throws IOException {
        assertThat(KinesisOperations.names()).containsExactlyElementsOf(dumpInputs().keySet());
        assertThat(KinesisOperations.names()).hasSize(39);
    }

    @Test
    void inputShapesMatchTheModelLineByLine() throws IOException {
        for (Map.Entry<String, List<String>> entry : dumpInputs().entrySet()) {
            OperationModel operation = KinesisOperations.find(entry.getKey()).orElseThrow();
            assertThat(print(operation.input())).as(entry.getKey()).containsExactlyElementsOf(entry.getValue());
        }
    }

    @Test
    void onlySubscribeToShardIsAnEventStream() {
        assertThat(KinesisOperations.names().stream()
                .filter(name -> KinesisOperations.find(name).orElseThrow().eventStream()))
                .containsExactly("SubscribeToShard");
    }

    /** Operation name → the lines of its INPUT block (header included). */
    private static Map<String, List<String>> dumpInputs() throws IOException {
        Map<String, List<String>> inputs = new TreeMap<>();
        String operation = null;
        List<String> block = null;
        for (String line : dumpLines()) {
            if (line.startsWith("== ")) {
                operation = line.split(" ")[1];
                block = null;
            } else if (line.startsWith("  INPUT ")) {
                block = new ArrayList<>();
                inputs.put(operation, block);
                block.add(line);
            } else if (line.startsWith("  OUTPUT ")) {
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        inputs.remove("ERRORS");
        return inputs;
    }

    private static List<String> dumpLines() throws IOException {
        try (InputStream in = KinesisModelConformanceTest.class.getResourceAsStream("kinesis-model.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        }
    }

    private static List<String> print(StructureShape input) {
        List<String> lines = new ArrayList<>();
        lines.add("  INPUT " + input.name());
        members(lines, input, 1);
        return lines;
    }

    private static void members(List<String> lines, StructureShape structure, int depth) {
        for (Member member : structure.members()) {
            lines.add(" ".repeat(4 * depth) + (member.required() ? "*" : " ") + member.name() + " -> "
                    + describe(member.shape()));
            children(lines, member.shape(), depth + 1);
        }
    }

    private static void children(List<String> lines, Shape shape, int depth) {
        String indent = " ".repeat(4 * depth);
        if (shape instanceof StructureShape structure) {
            members(lines, structure, depth);
        } else if (shape instanceof ListShape list) {
            lines.add(indent + "[] " + describe(list.member()) + bounds(list.minLength(), list.maxLength()));
            children(lines, list.member(), depth + 1);
        } else if (shape instanceof MapShape map) {
            lines.add(indent + "map " + describe(map.key()) + " => " + describe(map.value())
                    + bounds(map.minLength(), map.maxLength()));
        }
    }

    private static String bounds(Integer min, Integer max) {
        return " min=" + (min == null ? "None" : min) + " max=" + (max == null ? "None" : max);
    }

    private static String describe(Shape shape) {
        return shape.name() + ":" + typeName(shape) + " " + properties(shape);
    }

    private static String typeName(Shape shape) {
        if (shape instanceof IntegerShape integer) {
            return integer.isLong() ? "long" : "integer";
        }
        String simple = shape.getClass().getSimpleName().replace("Shape", "");
        return simple.equals("Boolean") ? "boolean" : simple.toLowerCase();
    }

    /** A Python dict repr with keys sorted: {'enum': [...], 'max': 1, 'min': 0, 'pattern': '...'}. */
    private static String properties(Shape shape) {
        Map<String, String> props = new LinkedHashMap<>();
        if (shape instanceof StringShape string) {
            if (!string.enumValues().isEmpty()) {
                props.put("enum", string.enumValues().stream().map(v -> "'" + v + "'")
                        .collect(Collectors.joining(", ", "[", "]")));
            }
            putBounds(props, string.minLength(), string.maxLength());
            if (string.pattern() != null) {
                props.put("pattern", "'" + string.pattern().pattern().replace("\\", "\\\\") + "'");
            }
        } else if (shape instanceof IntegerShape integer) {
            putBounds(props, integer.min(), integer.max());
        } else if (shape instanceof BlobShape blob) {
            putBounds(props, blob.minLength(), blob.maxLength());
        } else if (shape instanceof ListShape list) {
            putBounds(props, list.minLength(), list.maxLength());
        } else if (shape instanceof MapShape map) {
            putBounds(props, map.minLength(), map.maxLength());
        } else if (shape instanceof BooleanShape || shape instanceof StructureShape) {
            return "";
        }
        if (props.isEmpty()) {
            return "";
        }
        return props.entrySet().stream().map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static void putBounds(Map<String, String> props, Number min, Number max) {
        if (max != null) {
            props.put("max", max.toString());
        }
        if (min != null) {
            props.put("min", min.toString());
        }
    }
}
