package dev.freshet.delivery.s3;

import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.s3.PrefixException.Reason;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Names objects as Firehose does:
 * {@code <evaluated prefix><DeliveryStreamName>-<VersionId>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid><extension>}.
 * The time, in the prefix and in the suffix alike, is the arrival of the oldest record in the
 * object, in UTC unless CustomTimeZone says otherwise.
 *
 * <p>Thread-safe.
 */
public final class ObjectKeys {

    /** Evaluated prefixes longer than this are refused, as the service does. */
    public static final int MAX_PREFIX_LENGTH = 512;
    static final int RANDOM_STRING_LENGTH = 11;

    private static final DateTimeFormatter SUFFIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    private static final char[] RANDOM_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final DeliveryStreamRef stream;
    private final ZoneId zone;
    private final String extension;
    private final RandomGenerator random;

    /**
     * @param extension the object name's ending: FileExtension when configured, else the
     *     compression format's
     */
    public ObjectKeys(DeliveryStreamRef stream, ZoneId zone, String extension) {
        this(stream, zone, extension, new SecureRandom());
    }

    ObjectKeys(DeliveryStreamRef stream, ZoneId zone, String extension, RandomGenerator random) {
        this.stream = stream;
        this.zone = zone;
        this.extension = extension;
        this.random = random;
    }

    /** The time expressions evaluate for an object whose oldest record arrived then. */
    public ZonedDateTime time(long oldestArrivalMillis) {
        return Instant.ofEpochMilli(oldestArrivalMillis).atZone(zone);
    }

    /** Evaluates a prefix template, refusing results past 512 characters. */
    public String prefix(S3Prefix template, long oldestArrivalMillis, Map<String, String> partitionKeys,
            String errorOutputType) throws PrefixException {
        String evaluated = template.evaluate(new S3Prefix.Values(time(oldestArrivalMillis), partitionKeys,
            errorOutputType, this::randomString));
        if (evaluated.length() > MAX_PREFIX_LENGTH) {
            throw new PrefixException(Reason.TOO_LONG, "The evaluated prefix has " + evaluated.length()
                + " characters, more than " + MAX_PREFIX_LENGTH + ".");
        }
        return evaluated;
    }

    /** The whole key: the evaluated prefix, then the service's suffix with a new UUID. */
    public String key(String evaluatedPrefix, long oldestArrivalMillis) {
        return evaluatedPrefix + fileName(oldestArrivalMillis, new UUID(random.nextLong(), random.nextLong()));
    }

    String fileName(long oldestArrivalMillis, UUID uuid) {
        return stream.name() + '-' + stream.versionId() + '-' + SUFFIX_TIME.format(time(oldestArrivalMillis)) + '-'
            + uuidV4(uuid) + extension;
    }

    /** 11 characters from [0-9a-z], new on each use. */
    String randomString() {
        char[] chars = new char[RANDOM_STRING_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = RANDOM_ALPHABET[random.nextInt(RANDOM_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** Marks the bits as a random (version 4, IETF variant) UUID, as UUID.randomUUID does. */
    private static UUID uuidV4(UUID raw) {
        long high = (raw.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        long low = (raw.getLeastSignificantBits() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
