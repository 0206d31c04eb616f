package dev.freshet.webrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.webrtc.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FingerprintTest {

    private static final byte[] CERT = "not really DER, but hashable".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sdpFormRoundTripsAndMatchesTheCertificate() {
        Fingerprint fingerprint = Fingerprint.of("sha-256", CERT);
        String sdp = fingerprint.toSdp();

        assertThat(sdp).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(Fingerprint.parse(sdp)).isEqualTo(fingerprint);
        assertThat(Fingerprint.parse(sdp.toLowerCase().replace("sha-256", "SHA-256"))).isEqualTo(fingerprint);
        assertThat(fingerprint.matches(CERT)).isTrue();
        assertThat(fingerprint.matches("other".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void otherHashFunctionsParseAndMatch() {
        Fingerprint sha1 = Fingerprint.of("sha-1", CERT);

        assertThat(Fingerprint.parse(sha1.toSdp()).matches(CERT)).isTrue();
        assertThat(sha1).isNotEqualTo(Fingerprint.of("sha-256", CERT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sha-256|FINGERPRINT_SYNTAX",
        "sha-256 AB CD|FINGERPRINT_SYNTAX",
        "md5 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89|FINGERPRINT_HASH",
        "sha-1 AB:CD|FINGERPRINT_LENGTH",
        "sha-1 ZZ:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01|FINGERPRINT_SYNTAX",
        "sha-1 ABC:D:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01|FINGERPRINT_SYNTAX",
    })
    void malformedFingerprintsAreRefusedWithAReason(String value, DtlsMalformed reason) {
        assertThatThrownBy(() -> Fingerprint.parse(value))
                .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
