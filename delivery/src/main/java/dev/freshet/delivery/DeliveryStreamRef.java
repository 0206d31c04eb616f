package dev.freshet.delivery;

/**
 * Names a delivery stream the way destinations and processors need it: in object keys, in the
 * Lambda event, in HTTP endpoint headers.
 *
 * @param name the DeliveryStreamName
 * @param arn the DeliveryStreamARN ({@code arn:aws:firehose:<region>:<account>:deliverystream/<name>})
 * @param region the region the server answers as
 * @param versionId the configuration version (starts at 1, +1 per UpdateDestination), part of S3 object names
 */
public record DeliveryStreamRef(String name, String arn, String region, long versionId) {
}
