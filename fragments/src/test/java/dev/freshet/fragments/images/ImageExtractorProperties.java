package dev.freshet.fragments.images;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.testmedia.EncodedClip;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged frames — bytes garbled, cut or dropped — never make the extractor throw or hang: every
 * time asked gets an encoded picture or a media error, within a bounded time (JCodec itself loops
 * forever on some of them; the watchdog ends those decodes).
 */
class ImageExtractorProperties {

    private static Path dir;
    private static EncodedClip clip;

    @BeforeContainer
    static void encode() throws IOException {
        dir = Files.createTempDirectory("freshet-images");
        clip = EncodedClip.encode(dir, "damaged", "160x96", "25", 0.4, "-c:v", "libx264", "-threads", "1",
            "-profile:v", "main", "-bf", "2");
    }

    @AfterContainer
    static void remove() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 150)
    void damagedFramesGiveResultsNotExceptions(@ForAll long seed) {
        List<Frame> frames = damage(clip.frames(), new Random(seed));
        List<Long> times = clip.displayTimes();
        List<Long> asked = List.of(times.get(0), times.get(times.size() / 2), times.get(times.size() - 1));
        List<ImageResult> results = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> new ImageExtractor(Duration.ofMillis(500)).extract(clip.track(), frames, asked, ImageOptions.jpeg()));
        assertThat(results).hasSize(asked.size()).doesNotContainNull();
    }

    static List<Frame> damage(List<Frame> frames, Random random) {
        List<Frame> out = new ArrayList<>(frames);
        for (int edits = 1 + random.nextInt(4); edits > 0 && !out.isEmpty(); edits--) {
            int index = random.nextInt(out.size());
            Frame frame = out.get(index);
            byte[] data = frame.data().clone();
            int action = data.length == 0 ? 3 : random.nextInt(4);
            switch (action) {
                case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                case 1 -> data[Math.min(data.length - 1, 4 + random.nextInt(8))] ^= (byte) (1 << random.nextInt(8));
                case 2 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
                default -> {
                    out.remove(index);
                    continue;
                }
            }
            out.set(index, new Frame(frame.track(), frame.timestampMicros(), 0, frame.keyframe(), data));
        }
        return out.isEmpty() ? frames.subList(0, 1) : out;
    }
}
