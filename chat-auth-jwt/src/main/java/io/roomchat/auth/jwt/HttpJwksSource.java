package io.roomchat.auth.jwt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a JWKS document over HTTP(S) with the JDK's client, within one deadline for the whole exchange. The
 * client's own request timeout stops at the response headers, so a server that sends them and then trickles its
 * body would otherwise hold a fetch for as long as it likes.
 */
final class HttpJwksSource implements JwksSource {
    /** Real documents hold a handful of keys; this only stops a runaway response. */
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final URI url;
    private final Duration deadline;
    private final HttpClient client;

    /** {@code deadline} bounds connecting, the headers and the body together. */
    HttpJwksSource(URI url, Duration deadline) {
        this.url = url;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().connectTimeout(deadline).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public CompletableFuture<JwksDocument> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(deadline).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, response -> new SizeCappedBody(MAX_DOCUMENT_BYTES));
        CompletableFuture<JwksDocument> document = exchange.thenCompose(this::document);
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (document.completeExceptionally(new HttpTimeoutException(
                    "JWKS endpoint " + url + " did not answer in full within " + deadline))) {
                exchange.cancel(true); // hangs up on a server still trickling
            }
        });
        return document;
    }

    private CompletableFuture<JwksDocument> document(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return CompletableFuture.failedFuture(new IOException("JWKS endpoint " + url + " answered HTTP " + response.statusCode()));
        }
        return CompletableFuture.completedFuture(JwksDocument.parse(new String(response.body(), StandardCharsets.UTF_8)));
    }
}
