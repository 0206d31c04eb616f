package dev.freshet.datastreams.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedSnapshotsTest {

    /** A state as the catalogs keep them: public fields. */
    static final class Names {
        public TreeMap<String, Integer> counts = new TreeMap<>();
    }

    @TempDir
    Path dir;

    private GuardedSnapshots<Names> open() {
        return new GuardedSnapshots<>(new JsonSnapshots<>(new SnapshotFile(dir, "names.json"), Names.class, "names"),
            Names::new);
    }

    @Test
    void everyChangeIsPersistedBeforeMutateReturns() {
        GuardedSnapshots<Names> names = open();
        Integer previous = names.mutate(state -> state.counts.put("a", 1));
        assertThat(previous).isNull();
        names.mutate(state -> state.counts.merge("a", 1, Integer::sum));

        GuardedSnapshots<Names> reopened = open();
        TreeMap<String, Integer> counts = reopened.read(state -> state.counts);
        assertThat(counts).containsExactly(java.util.Map.entry("a", 2));
        assertThat(dir.resolve("names.json")).exists();
        assertThat(dir.resolve("names.json.tmp")).doesNotExist();
    }

    @Test
    void aRefusedChangeWritesNothing() {
        GuardedSnapshots<Names> names = open();
        try {
            names.mutate(state -> {
                throw new IllegalArgumentException("refused");
            });
        } catch (IllegalArgumentException expected) {
            // the action checked before changing anything
        }
        assertThat(dir.resolve("names.json")).doesNotExist();
    }
}
