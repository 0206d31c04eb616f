package dev.freshet.web.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.signaling.channels.RefusalReason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

class SignalingMessageParserTest {

    private static final String OFFER = b64("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");

    @Test
    void readsTheJsSdksLowerCaseKeys() throws Exception {
        SignalingMessage message = SignalingMessageParser.parse("{\"action\":\"SDP_OFFER\",\"messagePayload\":\""
            + OFFER + "\",\"recipientClientId\":\"viewer-1\",\"correlationId\":\"corr-1\"}");
        assertThat(message).isEqualTo(new SignalingMessage("SDP_OFFER", "viewer-1", OFFER, "corr-1"));
    }

    @Test
    void readsTheCSdksCapitalisedKeysAndItsEmptyRecipient() throws Exception {
        SignalingMessage message = SignalingMessageParser.parse("{\n\t\"action\": \"ICE_CANDIDATE\",\n\t"
            + "\"RecipientClientId\": \"\",\n\t\"MessagePayload\": \"" + OFFER + "\",\n\t\"CorrelationId\": \"7\"\n}");
        assertThat(message).isEqualTo(new SignalingMessage("ICE_CANDIDATE", null, OFFER, "7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "\"text\"", "{}", "{\"action\":5,\"messagePayload\":\"e30=\"}",
        "{\"action\":\"SDP_OFFER\"}", "{\"action\":\"SDP_OFFER\",\"ACTION\":\"SDP_OFFER\",\"messagePayload\":\"e30=\"}",
        "{\"action\":\"SDP_OFFER\",\"messagePayload\":\"e30=\",\"recipientClientId\":\"no spaces\"}",
        "{\"action\":\"SDP_OFFER\",\"messagePayload\":\"e30=\",\"correlationId\":\"a/b\"}", ""})
    void malformedMessagesAreRefusedWithTheirReason(String text) {
        assertReason(text, RefusalReason.MALFORMED_MESSAGE);
    }

    @Test
    void eachOtherRefusalHasItsReasonAndKeepsTheCorrelationId() {
        assertReason("{\"action\":\"RECONNECT\",\"messagePayload\":\"e30=\"}", RefusalReason.UNKNOWN_ACTION);
        assertReason("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"%%%\"}", RefusalReason.INVALID_PAYLOAD);
        assertReason("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + b64("[1,2]") + "\"}",
            RefusalReason.INVALID_PAYLOAD);
        String big = b64("{\"sdp\":\"" + "a".repeat(SignalingMessageParser.MAX_PAYLOAD_BYTES) + "\"}");
        assertThatThrownBy(() -> SignalingMessageParser.parse("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + big
            + "\",\"correlationId\":\"c-9\"}")).isInstanceOfSatisfying(MalformedSignalingMessage.class, e -> {
                assertThat(e.reason()).isEqualTo(RefusalReason.PAYLOAD_TOO_LARGE);
                assertThat(e.correlationId()).isEqualTo("c-9");
            });
        assertReason("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"" + "A".repeat(70_000) + "\"}",
            RefusalReason.MESSAGE_TOO_LARGE);
    }

    /** Any text is either a message or refused with a reason: never another exception. */
    @Property(tries = 2000)
    void anyTextIsParsedOrRefused(@ForAll String text) {
        try {
            SignalingMessage message = SignalingMessageParser.parse(text);
            assertThat(message.action()).isIn("SDP_OFFER", "SDP_ANSWER", "ICE_CANDIDATE");
        } catch (MalformedSignalingMessage e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    /** Well-formed messages with keys in any letter case parse to what was sent. */
    @Property(tries = 500)
    void keysAreReadInAnyCase(@ForAll("messages") SignalingMessage sent, @ForAll("cases") String casing) throws Exception {
        String text = "{\"" + recase("action", casing) + "\":\"" + sent.action() + "\",\""
            + recase("messagePayload", casing) + "\":\"" + sent.messagePayload() + "\""
            + (sent.recipientClientId() == null ? "" : ",\"" + recase("recipientClientId", casing) + "\":\""
            + sent.recipientClientId() + "\"")
            + (sent.correlationId() == null ? "" : ",\"" + recase("correlationId", casing) + "\":\""
            + sent.correlationId() + "\"") + "}";
        assertThat(SignalingMessageParser.parse(text)).isEqualTo(sent);
    }

    /** Fragments of real messages, cut and spliced: parsed or refused, never a crash. */
    @Property(tries = 1000)
    void mangledMessagesAreParsedOrRefused(@ForAll("messages") SignalingMessage sent,
                                           @ForAll("cuts") int cut, @ForAll String junk) {
        String text = "{\"action\":\"" + sent.action() + "\",\"messagePayload\":\"" + sent.messagePayload() + "\"}";
        String mangled = text.substring(0, Math.min(cut, text.length())) + junk;
        try {
            SignalingMessageParser.parse(mangled);
        } catch (MalformedSignalingMessage e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<SignalingMessage> messages() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789_.-").ofMinLength(1)
            .ofMaxLength(40);
        Arbitrary<String> payloads = Arbitraries.strings().alpha().numeric().ofMaxLength(200)
            .map(text -> b64("{\"candidate\":\"" + text + "\",\"sdpMid\":\"0\"}"));
        return Combinators.combine(Arbitraries.of("SDP_OFFER", "SDP_ANSWER", "ICE_CANDIDATE"),
            ids.injectNull(0.3), payloads, ids.injectNull(0.3)).as(SignalingMessage::new);
    }

    @Provide
    Arbitrary<String> cases() {
        return Arbitraries.strings().withChars("ulx").ofLength(20);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 400);
    }

    private static String recase(String key, String casing) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = casing.charAt(i % casing.length());
            String letter = key.substring(i, i + 1);
            out.append(c == 'u' ? letter.toUpperCase(Locale.ROOT) : c == 'l' ? letter.toLowerCase(Locale.ROOT) : letter);
        }
        return out.toString();
    }

    private static void assertReason(String text, RefusalReason reason) {
        assertThatThrownBy(() -> SignalingMessageParser.parse(text)).isInstanceOfSatisfying(
            MalformedSignalingMessage.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
