package dev.freshet.bench;

import java.util.function.Function;

/**
 * The shape every load generator's {@code main} shares: options parsed from the arguments (exit 2
 * with the parser's message when they are wrong), one run (exit 0 when it met its checks, 1 when it
 * did not or threw), then {@code System.exit}, because HTTP clients leave non-daemon threads behind
 * for a while.
 */
public final class GeneratorMain {

    /** One run of a generator; true when it met its checks. */
    @FunctionalInterface
    public interface Run<O> {
        boolean run(O options) throws Exception;
    }

    private GeneratorMain() {
    }

    public static <O> void run(String[] args, Function<String[], O> parse, Run<O> run) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run.run(options) ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
