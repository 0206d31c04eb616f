package dev.freshet.web.server.config;

/**
 * Renders the usage text from the {@link Setting} table, so it always lists every setting with its
 * environment variable and default.
 *
 * <p>Stateless, thread-safe.
 */
final class Usage {

    private static final String HEADER = String.join("\n",
        "Usage: java -jar freshet.jar [--config FILE] [--KEY VALUE | --KEY=VALUE]...",
        "",
        "Serves the Amazon Kinesis APIs on one port. Each setting below can also be given in a config",
        "file (Java properties: key = value) or as an environment variable; a flag overrides the",
        "environment, which overrides the file, which overrides the default.",
        "",
        "  --config FILE    config file to read (environment: " + ConfigParser.CONFIG_ENV + ")",
        "  --help, -h       print this text and exit",
        "",
        "Settings:",
        "");

    private Usage() {
    }

    static String text() {
        StringBuilder text = new StringBuilder(HEADER);
        for (Setting setting : Setting.values()) {
            appendSetting(text, setting);
        }
        return text.toString();
    }

    private static void appendSetting(StringBuilder text, Setting setting) {
        String flag = "--" + setting.key() + setting.valueName().map(name -> " " + name).orElse("");
        String defaultText = setting.defaultValue().orElse("unset");
        text.append(String.format("  %-34s %s%n", flag, setting.description()));
        text.append(String.format("  %-34s default: %s; environment: %s%n", "", defaultText,
            setting.environmentVariable()));
    }
}
