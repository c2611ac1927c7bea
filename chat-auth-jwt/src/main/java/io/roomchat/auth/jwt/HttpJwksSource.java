package io.roomchat.auth.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fetches a JWKS document over HTTP(S) with the JDK's client. */
final class HttpJwksSource implements JwksSource {
    /** Real documents hold a handful of keys; this only stops a runaway response. */
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    HttpJwksSource(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public JwksDocument fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = send(request);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("JWKS endpoint " + url + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("JWKS document at " + url + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return JwksDocument.parse(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while fetching the JWKS document");
        }
    }
}
