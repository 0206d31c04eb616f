package dev.freshet.delivery.destination.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.delivery.destination.redshift.PostgresCopy.Format;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CopyInputTest {

    private static final PostgresCopy AUTO = new PostgresCopy(Format.JSON_AUTO, ',', null, null, false, 0);

    private static String prepare(String staged, PostgresCopy copy, List<String> columns) throws CopyDataException {
        return new String(CopyInput.prepare(staged.getBytes(StandardCharsets.UTF_8), false, copy, columns), StandardCharsets.UTF_8);
    }

    @Test
    void concatenatedJsonDocumentsBecomeCsvRowsKeepingNumbersExact() throws Exception {
        assertThat(prepare("{\"id\":1,\"v\":0.1000000000000000055}{\"id\":2,\"v\":null} {\"ID\":3}", AUTO, List.of("id", "v")))
            .isEqualTo("\"1\",\"0.1000000000000000055\"\n\"2\",\n,\n");
    }

    @Test
    void headerLinesAreSkippedAndBackslashesKeptAsDataWithoutEscape() throws Exception {
        PostgresCopy text = new PostgresCopy(Format.TEXT, '|', null, null, false, 1);
        assertThat(prepare("id|path\n1|C:\\dir\n", text, List.of())).isEqualTo("1|C:\\\\dir\n");
    }

    @Test
    void jsonAutoNeedsObjects() {
        assertThatThrownBy(() -> prepare("[1,2]", AUTO, List.of("id"))).isInstanceOf(CopyDataException.class);
    }

    @Property(tries = 500)
    void anyStagedBytesArePreparedOrRefusedAsBadData(@ForAll byte[] staged) {
        try {
            CopyInput.prepare(staged, false, AUTO, List.of("a", "b"));
        } catch (CopyDataException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
        }
    }
}
