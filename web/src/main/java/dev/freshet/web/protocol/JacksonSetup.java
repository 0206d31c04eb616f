package dev.freshet.web.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

/**
 * Builds the two shared Jackson mappers with the limits every request body is parsed under.
 *
 * <p>Limits: nesting {@value #MAX_NESTING_DEPTH} levels (Kinesis inputs nest at most 4); numbers
 * {@value #MAX_NUMBER_LENGTH} characters; strings {@value #MAX_STRING_LENGTH} characters (a 10 MiB
 * blob is 13,981,016 base64 characters); member names {@value #MAX_NAME_LENGTH} characters;
 * {@value #MAX_TOKEN_COUNT} tokens. Duplicate member names are rejected (the choice is ours: the
 * service's behaviour is unknown, and rejecting keeps "which value won" out of the question).
 * Trailing data after the top-level value is rejected.
 *
 * <p>Writing: CBOR text must be valid UTF-8, but a JSON request may carry a lone surrogate (an
 * escaped U+D800) that later comes back out, in a partition key for instance; the CBOR generator
 * writes it as U+FFFD instead of failing the whole response. JSON writes it escaped again.
 *
 * <p>Thread-safe: the mappers are immutable once built.
 */
final class JacksonSetup {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    static final int MAX_NAME_LENGTH = 1024;
    static final long MAX_TOKEN_COUNT = 1_000_000;

    private JacksonSetup() {
    }

    static ObjectMapper jsonMapper() {
        JsonFactory factory = new KnownEndJsonParser.Factory((JsonFactoryBuilder) JsonFactory.builder()
                .streamReadConstraints(constraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static ObjectMapper cborMapper() {
        CBORFactory factory = CBORFactory.builder()
                .streamReadConstraints(constraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(CBORGenerator.Feature.LENIENT_UTF_ENCODING)
                .build();
        return CBORMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxTokenCount(MAX_TOKEN_COUNT)
                .build();
    }
}
