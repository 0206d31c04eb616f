package dev.freshet.tests.harness;

import java.util.Arrays;
import java.util.List;

/**
 * The body encoding an SDK v2 client speaks: CBOR 1.1 (the Java SDK's default for Kinesis) or AWS
 * JSON 1.1. The system property {@code freshet.wires} (default {@code CBOR,JSON}) limits which ones the
 * parameterized scenarios run under, e.g. {@code -Dfreshet.wires=JSON} against a peer whose CBOR is broken.
 */
public enum Wire {
    CBOR("application/x-amz-cbor-1.1"),
    JSON("application/x-amz-json-1.1");

    private final String contentType;

    Wire(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The encodings selected for this run, in declaration order; the source of {@link WireTest}. */
    public static List<Wire> enabled() {
        String selected = System.getProperty("freshet.wires", "");
        if (selected.isBlank()) {
            return List.of(values());
        }
        List<String> names = Arrays.stream(selected.split(",")).map(String::trim).toList();
        return Arrays.stream(values()).filter(w -> names.contains(w.name())).toList();
    }

    /** The first selected encoding: what non-parameterized tests use. */
    public static Wire preferred() {
        return enabled().get(0);
    }
}
