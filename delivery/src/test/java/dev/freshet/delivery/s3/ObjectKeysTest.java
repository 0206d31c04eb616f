package dev.freshet.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freshet.delivery.DeliveryStreamRef;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    static final DeliveryStreamRef STREAM = new DeliveryStreamRef("orders", "arn:aws:firehose:us-east-1:000000000000:deliverystream/orders",
        "us-east-1", 3);
    /** 2018-08-27T10:30:05.250Z */
    static final long ARRIVAL = 1_535_365_805_250L;

    @Test
    void namesObjectsAsTheService() throws PrefixException {
        ObjectKeys keys = new ObjectKeys(STREAM, ZoneOffset.UTC, ".gz", new Random(1));
        String prefix = keys.prefix(PrefixRules.of(null, null).prefix(), ARRIVAL, Map.of(), null);
        String key = keys.key(prefix, ARRIVAL);
        assertThat(key).matches("2018/08/27/10/orders-3-2018-08-27-10-30-05-"
            + "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.gz");
        assertThat(keys.fileName(ARRIVAL, new UUID(0, 0))).isEqualTo("orders-3-2018-08-27-10-30-05-00000000-0000-4000-8000-000000000000.gz");
    }

    @Test
    void customTimeZoneAppliesToPrefixAndSuffix() throws PrefixException {
        ObjectKeys keys = new ObjectKeys(STREAM, ZoneId.of("Asia/Tokyo"), "", new Random(1));
        String prefix = keys.prefix(PrefixRules.of(null, null).prefix(), ARRIVAL, Map.of(), null);
        assertThat(prefix).isEqualTo("2018/08/27/19/");
        assertThat(keys.key(prefix, ARRIVAL)).contains("orders-3-2018-08-27-19-30-05-");
    }

    @Test
    void randomStringsHaveElevenCharacters() {
        ObjectKeys keys = new ObjectKeys(STREAM, ZoneOffset.UTC, "", new Random(5));
        assertThat(keys.randomString()).matches("[0-9a-z]{11}").isNotEqualTo(keys.randomString());
    }

    @Test
    void refusesPrefixesLongerThan512Characters() throws PrefixException {
        ObjectKeys keys = new ObjectKeys(STREAM, ZoneOffset.UTC, "", new Random(1));
        S3Prefix template = S3Prefix.parse("!{partitionKeyFromQuery:k}/");
        assertThat(keys.prefix(template, ARRIVAL, Map.of("k", "a".repeat(511)), null)).hasSize(512);
        PrefixException e = catchThrowableOfType(PrefixException.class,
            () -> keys.prefix(template, ARRIVAL, Map.of("k", "a".repeat(512)), null));
        assertThat(e.reason()).isEqualTo(PrefixException.Reason.TOO_LONG);
    }
}
