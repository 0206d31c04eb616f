package dev.freshet.tests.video.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoded-frame fingerprints: {@code ffmpeg -i INPUT -map 0:v:0 -fps_mode passthrough -f framemd5 -},
 * one MD5 of the raw decoded picture per frame, in presentation order. Two inputs carrying the same
 * coded video (no transcoding, no lost or duplicated frames) have equal lists whatever their container.
 *
 * <p>Stateless; thread-safe.
 */
public final class FrameHashes {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private FrameHashes() {
    }

    public static List<String> of(String input) {
        return of(input, List.of());
    }

    /** With extra input options before {@code -i} (e.g. {@code -ss}/{@code -to} for a time range). */
    public static List<String> of(String input, List<String> inputOptions) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-v", "error", "-nostdin"));
        command.addAll(inputOptions);
        command.addAll(List.of("-i", input, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5", "-"));
        String out = Commands.run(TIMEOUT, command).check().stdoutText();
        List<String> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split(",");
            hashes.add(columns[columns.length - 1].trim());
        }
        return hashes;
    }

    /** Asserts that {@code actual} decodes to exactly the frames of {@code expected}, with a readable diff. */
    public static void assertSameFrames(String what, List<String> actual, List<String> expected) {
        assertThat(actual).as("%s: number of decoded frames", what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("%s: decoded frame %d of %d differs from the source (transcoded? reordered?)",
                    what, i, expected.size()).isEqualTo(expected.get(i));
        }
    }
}
