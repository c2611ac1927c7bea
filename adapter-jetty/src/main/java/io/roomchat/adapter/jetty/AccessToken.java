package io.roomchat.adapter.jetty;

import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Where a client puts its token at the upgrade: {@code ?token=} (as the original) or {@code Authorization: Bearer}. */
final class AccessToken {
    private static final String BEARER = "bearer ";

    private AccessToken() {
    }

    static Optional<String> of(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String fromQuery = query.getValue("token");
        if (fromQuery != null && !fromQuery.isBlank()) {
            return Optional.of(fromQuery);
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
