package dev.freshet.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @ParameterizedTest
    @CsvSource({
        "application/x-amz-json-1.1, JSON",
        "application/x-amz-json-1.0, JSON",
        "application/json, JSON",
        "application/x-amz-json-1.1; charset=utf-8, JSON",
        "Application/X-Amz-JSON-1.1, JSON",
        "application/x-amz-cbor-1.1, CBOR",
        "' application/x-amz-cbor-1.1 ;foo=bar', CBOR",
    })
    void contentTypeSelectsTheFormat(String contentType, WireFormat expected) {
        assertThat(WireFormat.fromContentType(contentType)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "application/x-amz-json-1.1asdf", "application/cbor", "application/xml"})
    void otherContentTypesSelectNothing(String contentType) {
        assertThat(WireFormat.fromContentType(contentType)).isEmpty();
    }

    @Test
    void responsesUseTheVersionedContentTypes() {
        assertThat(WireFormat.JSON.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(WireFormat.CBOR.contentType()).isEqualTo("application/x-amz-cbor-1.1");
    }

    @Test
    void eachFormatHasItsOwnSharedMapper() {
        assertThat(WireFormat.CBOR.mapper().getFactory()).isInstanceOf(CBORFactory.class);
        assertThat(WireFormat.JSON.mapper().getFactory()).isNotInstanceOf(CBORFactory.class);
        assertThat(WireFormat.JSON.mapper()).isSameAs(WireFormat.JSON.mapper());
    }
}
