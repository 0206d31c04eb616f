package dev.freshet.datastreams.kinesis;

/**
 * How a request names a stream: by name, by ARN, or both (then they must agree).
 *
 * @param name the StreamName member, or null
 * @param arn  the StreamARN member, or null
 */
public record StreamRef(String name, String arn) {

    public static StreamRef named(String name) {
        return new StreamRef(name, null);
    }

    public static StreamRef byArn(String arn) {
        return new StreamRef(null, arn);
    }
}
