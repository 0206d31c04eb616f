package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64BytesTest {

    @Test
    void decodesCanonicalBase64OfEveryLengthUpToThreeQuads() {
        Random random = new Random(1);
        for (int length = 0; length <= 12; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] body = quoted(Base64.getEncoder().encodeToString(data));
            assertThat(Base64Bytes.decodeString(body, 0, body.length, Integer.MAX_VALUE)).as("length %d", length)
                    .containsExactly(data);
        }
    }

    @Test
    void decodesAStringInsideABodyAtItsQuote() {
        byte[] body = "{\"Data\":\"AAECAw==\"}".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base64Bytes.decodeString(body, 8, body.length, 100)).containsExactly(0, 1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAECAw", "AAECA", "AAECAw=", "AAECAx==", "AAECAw===", "AAE=Aw==", "====", "A===",
        "AAEC\\u0041w==", "AAEC\\/w==", "AA EC", "AAECé===", "AAEC\tAw==", "AAEC-_==", "AAECAxB=", "AAECAw==x"})
    void answersNullForAnythingButCanonicalBase64(String text) {
        byte[] body = quoted(text);
        assertThat(Base64Bytes.decodeString(body, 0, body.length, 100)).isNull();
    }

    @Test
    void answersNullForAnUnterminatedStringOrOnePastTheLimit() {
        byte[] open = "\"AAECAw==".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base64Bytes.decodeString(open, 0, open.length, 100)).isNull();
        byte[] body = quoted("AAECAw==");
        assertThat(Base64Bytes.decodeString(body, 0, body.length - 1, 100)).isNull();
        assertThat(Base64Bytes.decodeString(body, 0, body.length, 7)).isNull();
        assertThat(Base64Bytes.decodeString(body, 0, body.length, 8)).containsExactly(0, 1, 2, 3);
    }

    /** Whatever it decodes, Base64Text (the service's rules) decodes to the same bytes. */
    @Property(tries = 3000)
    void agreesWithBase64TextWheneverItDecodes(
            @ForAll @Size(max = 14) @Chars({'A', 'Q', 'g', 'w', 'z', '0', '+', '/', '=', ' '})
            @CharRange(from = 'a', to = 'c') String text) {
        byte[] body = quoted(text);
        byte[] fast = Base64Bytes.decodeString(body, 0, body.length, 100);
        if (fast != null) {
            assertThat(Base64Text.decode(text)).containsExactly(fast);
        }
    }

    /** And it decodes everything canonical: what Base64Text accepts with no escape needed. */
    @Property(tries = 1000)
    void decodesEveryCanonicalEncoding(@ForAll @Size(max = 64) byte[] data) {
        byte[] body = quoted(Base64.getEncoder().encodeToString(data));
        assertThat(Base64Bytes.decodeString(body, 0, body.length, Integer.MAX_VALUE)).containsExactly(data);
    }

    private static byte[] quoted(String text) {
        return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
