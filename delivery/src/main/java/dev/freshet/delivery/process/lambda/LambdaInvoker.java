package dev.freshet.delivery.process.lambda;

import dev.freshet.delivery.destination.http.CappedBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a function URL once: POST of the event JSON, the function's answer back. Maps what goes
 * wrong on the way to the service's invocation error codes; all of them are retried by the
 * processor.
 *
 * <table>
 *   <caption>HTTP outcome → error code</caption>
 *   <tr><td>no answer within the timeout, 500, 502, X-Amz-Function-Error, answer over 6 MB</td>
 *       <td>Lambda.FunctionError</td></tr>
 *   <tr><td>401, 403</td><td>Lambda.InvokeAccessDenied</td></tr>
 *   <tr><td>404</td><td>Lambda.ResourceNotFound</td></tr>
 *   <tr><td>429</td><td>Lambda.InvokeLimitExceeded</td></tr>
 *   <tr><td>connection refused or reset, other statuses</td><td>Lambda.ServiceException</td></tr>
 * </table>
 *
 * <p>Thread-safe: one JDK HttpClient shared by every Lambda processor of the server.
 */
final class LambdaInvoker {

    /** Lambda's synchronous payload limit, for the request and for the answer. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private LambdaInvoker() {
    }

    /**
     * The function's answer body. The whole exchange, answer body included, must finish within
     * {@code timeout}: the request timeout alone ends at the answer's headers, so a function that
     * sent them and then stalled would hold the stream's delivery thread forever.
     */
    static byte[] invoke(URI url, byte[] event, Duration timeout) throws LambdaFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(event))
            .build();
        CompletableFuture<HttpResponse<CappedBody>> exchange =
            CLIENT.sendAsync(request, info -> CappedBody.subscriber(MAX_PAYLOAD_BYTES));
        HttpResponse<CappedBody> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw notInTime(timeout);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw notInTime(timeout);
            }
            throw new LambdaFailure("Lambda.ServiceException", "The Lambda function could not be invoked or its answer "
                + "broke off: " + e.getCause(), true);
        }
        checkStatus(response, response.body());
        return response.body().bytes();
    }

    private static LambdaFailure notInTime(Duration timeout) {
        return functionError("The Lambda function did not answer within " + timeout.toSeconds() + " s");
    }

    private static void checkStatus(HttpResponse<?> response, CappedBody body) throws LambdaFailure {
        int status = response.statusCode();
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent() || status == 500 || status == 502) {
            throw functionError(LambdaFailure.FUNCTION_ERROR_MESSAGE);
        }
        switch (status) {
            case 200 -> {
                if (body.tooLarge()) {
                    throw functionError("The Lambda function's response is larger than " + MAX_PAYLOAD_BYTES
                        + " bytes");
                }
            }
            case 401, 403 -> throw new LambdaFailure("Lambda.InvokeAccessDenied",
                "Access was denied. Ensure that the access policy allows access to the Lambda function.", true);
            case 404 -> throw new LambdaFailure(LambdaFailure.RESOURCE_NOT_FOUND,
                "The Lambda function URL answered 404 Not Found.", true);
            case 429 -> throw new LambdaFailure("Lambda.InvokeLimitExceeded",
                "The Lambda function was throttled (429 Too Many Requests).", true);
            default -> throw new LambdaFailure("Lambda.ServiceException",
                "The Lambda function URL answered HTTP " + status + ".", true);
        }
    }

    private static LambdaFailure functionError(String message) {
        return new LambdaFailure(LambdaFailure.FUNCTION_ERROR, message, true);
    }
}
