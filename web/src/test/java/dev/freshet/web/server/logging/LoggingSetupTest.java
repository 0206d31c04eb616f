package dev.freshet.web.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Loads the shipped configurations into a private logback context and reads what they print. */
class LoggingSetupTest {

    @Test
    void textLineHasUtcTimestampLevelLoggerMessageAndKeyValues() {
        String out = logWith(LoggingSetup.TEXT_CONFIG);

        assertThat(out.strip()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  "
            + "dev\\.freshet\\.test - stream created stream=orders shards=4 note=\"two words\"");
    }

    @Test
    void jsonLineIsOneObjectWithTheKeyValues() throws Exception {
        String out = logWith(LoggingSetup.JSON_CONFIG);

        assertThat(out.strip().lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(out);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("loggerName").asText()).isEqualTo("dev.freshet.test");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("stream created");
        assertThat(line.get("kvpList").toString()).contains("\"stream\":\"orders\"").contains("\"shards\":\"4\"");
    }

    @Test
    void undertowAndXnioStayAtWarn() {
        LoggerContext context = new LoggerContext();
        LoggingSetup.load(context, LoggingSetup.TEXT_CONFIG);

        assertThat(context.getLogger("io.undertow.request").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.xnio.nio").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("dev.freshet.web").isInfoEnabled()).isTrue();
    }

    private static String logWith(String resource) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggingSetup.load(context, resource);
            Logger logger = context.getLogger("dev.freshet.test");
            logger.atInfo().setMessage("stream created").addKeyValue("stream", "orders").addKeyValue("shards", 4)
                .addKeyValue("note", "two words").log();
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
