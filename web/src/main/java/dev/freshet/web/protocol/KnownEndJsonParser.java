package dev.freshet.web.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's UTF-8 JSON parser, which can be told where the current string ends when the caller
 * already knows it: the parser then steps past the string instead of scanning it byte by byte
 * ({@code _skipString}). {@link JsonModelReader} knows where each base64 blob ends once it has
 * decoded it, and in a PutRecords body those blobs are nearly all the bytes: scanning them again
 * was the largest single cost of a JSON PutRecords call (30 % of the server's samples).
 *
 * <p>Everything else is Jackson's own parser, unchanged; {@link Factory} makes one for a body
 * that is plainly UTF-8 (it starts with {@code {} or white space, so there is no byte-order mark
 * and no UTF-16/32 to detect) and leaves every other body to Jackson's own detection.
 *
 * <p>Not thread-safe (a parser per body).
 */
final class KnownEndJsonParser extends UTF8StreamJsonParser {

    private KnownEndJsonParser(IOContext context, int features, ObjectCodec codec, ByteQuadsCanonicalizer names,
                               byte[] body, int start, int end) {
        super(context, features, null, codec, names, body, start, end, 0, false);
    }

    /** The index in the body of the current string's opening quote, or -1 when it was already read. */
    int unreadStringStart() {
        return currentToken() == JsonToken.VALUE_STRING && _tokenIncomplete ? _inputPtr - 1 : -1;
    }

    /**
     * Moves past the current string, whose closing quote is at {@code closingQuote}. The string's
     * text is not read, so it must not be asked for afterwards.
     *
     * @throws IllegalStateException if the string was read already or does not end there
     */
    void skipStringEndingAt(int closingQuote) {
        if (unreadStringStart() < 0 || closingQuote < _inputPtr || closingQuote >= _inputEnd
                || _inputBuffer[closingQuote] != '"') {
            throw new IllegalStateException("no unread string ends at " + closingQuote);
        }
        _inputPtr = closingQuote + 1;
        _tokenIncomplete = false;
    }

    /**
     * A JSON factory, configured as any other, whose parsers over a plainly UTF-8 byte array are
     * {@link KnownEndJsonParser}s.
     */
    static final class Factory extends JsonFactory {

        Factory(JsonFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
            if (length == 0 || !plainlyUtf8(data[offset])) {
                return super._createParser(data, offset, length, context);
            }
            _streamReadConstraints.validateDocumentLength(length);
            context.setEncoding(JsonEncoding.UTF8);
            return new KnownEndJsonParser(context, _parserFeatures, _objectCodec,
                _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures), data, offset, offset + length);
        }

        /** JSON text's first byte when it has no byte-order mark and is not UTF-16 or UTF-32. */
        private static boolean plainlyUtf8(byte first) {
            return first == '{' || first == ' ' || first == '\t' || first == '\n' || first == '\r';
        }
    }
}
