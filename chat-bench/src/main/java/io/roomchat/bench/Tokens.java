package io.roomchat.bench;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens for the simulated users: minted with the server's HS256 secret, or asked of a dev-mode server. */
interface Tokens {
    Duration TTL = Duration.ofHours(2);

    String tokenFor(String userId, String name);

    static Tokens hs256(String secret) {
        JwtTokenIssuer issuer = JwtTokenIssuer.hs256(secret);
        return (userId, name) -> issuer.issue(userId, name, TTL);
    }

    /** {@code POST /dev/token} on a server in dev mode (docs/protocol.md, Connecting). */
    static Tokens devMode(URI webSocketUri) {
        URI endpoint = URI.create(webSocketUri.toString().replaceFirst("^ws", "http")).resolve("/dev/token");
        HttpClient http = HttpClient.newHttpClient();
        Pattern token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        return (userId, name) -> {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":\"" + userId + "\",\"name\":\"" + name + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher found = token.matcher(response.body());
                if (response.statusCode() != 200 || !found.find()) {
                    throw new IllegalStateException("POST " + endpoint + " answered " + response.statusCode());
                }
                return found.group(1);
            } catch (IOException failure) {
                throw new IllegalStateException("POST " + endpoint + " failed", failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        };
    }
}
