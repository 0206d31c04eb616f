/**
 * Delivery streams (Amazon Data Firehose): records from a direct-PUT buffer log or a Kinesis data
 * stream are buffered, processed, compressed and delivered to a destination, and the stream's
 * checkpoint advances only after the destination confirmed (at-least-once).
 *
 * <p>The seams between the parts are the types in this package and in {@code destination},
 * {@code process} and {@code store}: a {@link dev.freshet.delivery.DeliveryRecord} travels in a
 * {@link dev.freshet.delivery.DeliveryBatch} through a
 * {@link dev.freshet.delivery.process.RecordProcessor} chain to a
 * {@link dev.freshet.delivery.destination.Destination}; S3-style destinations and error outputs
 * write through an {@link dev.freshet.delivery.store.ObjectStore}. HTTP and the AWS wire
 * protocol belong to web/; configurations arrive here as the AWS-shaped JSON documents of the
 * Firehose API (Jackson trees), which each destination reads into its own typed settings.
 */
package dev.freshet.delivery;
