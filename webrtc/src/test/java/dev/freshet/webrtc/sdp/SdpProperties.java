package dev.freshet.webrtc.sdp;

import dev.freshet.webrtc.MalformedInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Untrusted text never escapes as anything but {@link MalformedInputException}, through the parser, the
 * answer builder or the answer reader; whatever parses is written back to text that parses to an equal value.
 */
class SdpProperties {

    private static final List<String> LINES = Offers.ALL.stream()
        .flatMap(name -> Offers.text(name).lines()).distinct().toList();

    private static final LocalParameters LOCAL = LocalParameters.receiving("frsh", "freshetfreshetfreshet22",
        Fingerprint.of("sha-256", new byte[32]), List.of(Candidate.host("1", "192.0.2.10", 8189)), 1);

    private static final SessionDescription STORAGE_OFFER = OfferBuilder.offer(LOCAL);

    @Property(tries = 300)
    void arbitraryTextParsesOrIsMalformed(@ForAll("sdpLikeText") String text) {
        parseOrMalformed(text);
    }

    @Property(tries = 600)
    void mutatedOffersParseAndAnswerOrAreMalformed(@ForAll("mutatedOffers") String text) {
        SessionDescription sdp = parseOrMalformed(text);
        if (sdp != null) {
            assertThat(SessionDescription.parse(sdp.format())).isEqualTo(sdp);
            try {
                AnswerResult result = AnswerBuilder.answer(sdp, LOCAL);
                assertThat(SessionDescription.parse(result.answer().format())).isEqualTo(result.answer());
            } catch (MalformedInputException expected) {
                assertThat(expected.reason()).isInstanceOf(NegotiationFailure.class);
            }
        }
    }

    @Property(tries = 600)
    void mutatedAnswersToTheStorageOfferAreReadOrMalformed(@ForAll("mutatedAnswers") String text) {
        SessionDescription sdp = parseOrMalformed(text);
        if (sdp != null) {
            try {
                AnswerResult result = AnswerReader.read(STORAGE_OFFER, sdp);
                assertThat(result.media()).isNotEmpty().allSatisfy(m -> assertThat(m.direction())
                    .isEqualTo(Direction.RECVONLY));
            } catch (MalformedInputException expected) {
                assertThat(expected.reason()).isInstanceOf(NegotiationFailure.class);
            }
        }
    }

    private static SessionDescription parseOrMalformed(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (MalformedInputException expected) {
            assertThat(expected.reason()).isInstanceOf(SdpMalformed.class);
            return null;
        }
    }

    @Provide
    Arbitrary<String> sdpLikeText() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(LINES),
            Arbitraries.strings().withChars("vosmtca=: /0123456789\r\n-*;").ofMaxLength(40),
            Arbitraries.strings().ofMaxLength(40));
        return line.list().ofMaxSize(30).map(lines -> String.join("\n", lines));
    }

    /** Real offers with some of their lines dropped, duplicated, cut, or with a character replaced. */
    @Provide
    Arbitrary<String> mutatedOffers() {
        return mutated(Offers.ALL);
    }

    /** Chromium's answer to the storage offer, mutated like {@link #mutatedOffers()}. */
    @Provide
    Arbitrary<String> mutatedAnswers() {
        return mutated(List.of(Offers.CHROME_STORAGE_ANSWER));
    }

    private static Arbitrary<String> mutated(List<String> names) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 100),
            Arbitraries.chars().with(" :=/;\r\n0aZ-*\t".toCharArray())).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(names), mutation.list().ofMaxSize(4))
            .as((name, mutations) -> {
                List<String> lines = new ArrayList<>(Offers.text(name).lines().toList());
                mutations.forEach(m -> m.apply(lines));
                return String.join("\r\n", lines) + "\r\n";
            });
    }

    private record Mutation(int kind, int line, int column, char c) {
        void apply(List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            int i = line % lines.size();
            String text = lines.get(i);
            int at = text.isEmpty() ? 0 : column % text.length();
            switch (kind) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, text);
                case 2 -> lines.set(i, text.substring(0, at));
                default -> lines.set(i, text.isEmpty() ? String.valueOf(c) : text.substring(0, at) + c
                    + text.substring(at + 1));
            }
        }
    }
}
