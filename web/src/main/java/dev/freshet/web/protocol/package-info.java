/**
 * The AWS JSON 1.1 / CBOR 1.1 protocol layer of Kinesis Data Streams, free of HTTP: bytes in, bytes out.
 *
 * <p>A request goes through these steps (the HTTP handler drives them):
 * <pre>
 *  Content-Type ──▶ {@link dev.freshet.web.protocol.WireFormat#fromContentType WireFormat}
 *  X-Amz-Target ──▶ {@link dev.freshet.web.protocol.KinesisOperations#findByTarget KinesisOperations} ──▶ OperationModel
 *  body bytes ────▶ {@link dev.freshet.web.protocol.RequestDecoder#decode RequestDecoder} ──▶ Input (a Jackson tree)
 *                   {@link dev.freshet.web.protocol.OperationModel#validate OperationModel.validate(Input)}
 *                     1. type pass: SerializationException on the first member of the wrong type
 *                     2. constraint pass: ValidationException listing up to 10 violations
 *  typed reads ───▶ Input.string / integer / blob / timestamp / structures ...
 *  response ──────▶ {@link dev.freshet.web.protocol.OutputWriter OutputWriter} (streaming, no tree)
 *  errors ────────▶ {@link dev.freshet.web.protocol.AwsError AwsError} ──▶ {@link dev.freshet.web.protocol.ErrorEncoder ErrorEncoder}
 *  SubscribeToShard ▶ {@link dev.freshet.web.protocol.EventStreamEncoder EventStreamEncoder} frames
 * </pre>
 *
 * <p>Every failure caused by the request surfaces as a {@link dev.freshet.web.protocol.ProtocolException}
 * carrying the {@link dev.freshet.web.protocol.AwsError} to send back.
 */
package dev.freshet.web.protocol;
