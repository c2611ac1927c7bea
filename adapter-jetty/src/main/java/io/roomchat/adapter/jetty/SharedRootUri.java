package io.roomchat.adapter.jetty;

import java.net.URI;
import java.util.Collection;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The origin-form URI {@code /}, with one {@link URI} for every upgrade that asks for it. Jetty's handshake keeps
 * {@link #toURI()} in each socket's negotiation for the socket's life, and {@link HttpURI}'s own makes a new one
 * each time (a {@code URI} and its string, about 120 bytes per idle socket; docs/benchmarks.md). Everything else
 * is the immutable {@code HttpURI} of {@code /}.
 */
final class SharedRootUri implements HttpURI {
    static final SharedRootUri INSTANCE = new SharedRootUri();
    private static final String PATH = "/";

    private final HttpURI.Immutable uri = HttpURI.build().path(PATH).asImmutable();
    private final URI javaUri = URI.create(PATH);

    private SharedRootUri() {
    }

    /** True for a request URI whose path is {@code /} and that has no query. */
    static boolean matches(HttpURI requested) {
        return PATH.equals(requested.getPath()) && requested.getQuery() == null && requested.getParam() == null;
    }

    @Override
    public URI toURI() {
        return javaUri;
    }

    @Override
    public HttpURI.Immutable asImmutable() {
        return uri;
    }

    @Override
    public String asString() {
        return uri.asString();
    }

    @Override
    public String getAuthority() {
        return uri.getAuthority();
    }

    @Override
    public String getDecodedPath() {
        return uri.getDecodedPath();
    }

    @Override
    public String getCanonicalPath() {
        return uri.getCanonicalPath();
    }

    @Override
    public String getFragment() {
        return uri.getFragment();
    }

    @Override
    public String getHost() {
        return uri.getHost();
    }

    @Override
    public String getParam() {
        return uri.getParam();
    }

    @Override
    public String getPath() {
        return uri.getPath();
    }

    @Override
    public String getPathQuery() {
        return uri.getPathQuery();
    }

    @Override
    public int getPort() {
        return uri.getPort();
    }

    @Override
    public String getQuery() {
        return uri.getQuery();
    }

    @Override
    public String getScheme() {
        return uri.getScheme();
    }

    @Override
    public String getUser() {
        return uri.getUser();
    }

    @Override
    public boolean hasAuthority() {
        return uri.hasAuthority();
    }

    @Override
    public boolean isAbsolute() {
        return uri.isAbsolute();
    }

    @Override
    public boolean isAmbiguous() {
        return uri.isAmbiguous();
    }

    @Override
    public boolean hasViolations() {
        return uri.hasViolations();
    }

    @Override
    public boolean hasViolation(UriCompliance.Violation violation) {
        return uri.hasViolation(violation);
    }

    @Override
    public Collection<UriCompliance.Violation> getViolations() {
        return uri.getViolations();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
