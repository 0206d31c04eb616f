package dev.freshet.web.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Freshet version, read from the Maven metadata that the build puts in the web jar
 * ({@code META-INF/maven/dev.freshet/freshet-web/pom.properties}); {@code dev} when running from
 * classes (tests, IDE).
 *
 * <p>Thread-safe.
 */
final class BuildInfo {

    private static final String POM_PROPERTIES = "META-INF/maven/dev.freshet/freshet-web/pom.properties";
    private static final String VERSION = readVersion();

    private BuildInfo() {
    }

    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
