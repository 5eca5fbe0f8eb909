package de.querfunk.realtime;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import de.querfunk.identity.Authentication;
import de.querfunk.identity.Authenticator;
import de.querfunk.identity.Credential;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Guards the upgrade to the socket. A browser's socket carries the session cookie, so its
 * {@code Origin} must be the server's own or an allowed one (cross-site WebSocket hijacking);
 * API clients authenticate with a bearer token. Unauthenticated upgrades get 401, foreign
 * origins 403, before any socket exists.
 */
@ApplicationScoped
class StreamUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Authentication> AUTHENTICATION = new UserData.TypedKey<>("querfunk.authentication");
    static final UserData.TypedKey<Credential> CREDENTIAL = new UserData.TypedKey<>("querfunk.credential");

    private final Authenticator authenticator;
    private final RealtimeConfig config;
    private final String publicOrigin;

    StreamUpgradeCheck(Authenticator authenticator, RealtimeConfig config,
            @ConfigProperty(name = "querfunk.public-url") String publicUrl) {
        this.authenticator = authenticator;
        this.config = config;
        this.publicOrigin = origin(publicUrl);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        Cookie cookie = request.getCookie(Credential.SESSION_COOKIE);
        Credential credential = Credential.of(request.getHeader("Authorization"), cookie == null ? null : cookie.getValue());
        if (credential == null) {
            return CheckResult.rejectUpgrade(401);
        }
        String origin = request.getHeader("Origin");
        if (origin != null ? !allowed(origin, request) : credential.kind() == Credential.Kind.SESSION_COOKIE) {
            return CheckResult.rejectUpgrade(403);
        }
        return Uni.createFrom().item(() -> authenticator.authenticate(credential))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(auth -> {
                    if (auth.isEmpty()) {
                        return CheckResult.rejectUpgradeSync(401);
                    }
                    context.userData().put(AUTHENTICATION, auth.get());
                    context.userData().put(CREDENTIAL, credential);
                    return CheckResult.permitUpgradeSync();
                });
    }

    private boolean allowed(String origin, HttpServerRequest request) {
        String o = origin(origin);
        if (o == null) {
            return false;
        }
        String own = request.scheme() + "://" + request.getHeader("Host");
        return o.equals(origin(own)) || o.equals(publicOrigin)
                || config.allowedOrigins().orElse(List.of()).stream().map(StreamUpgradeCheck::origin).anyMatch(o::equals);
    }

    /** scheme://host[:port], lower-case, without a default port; null if it is not an http(s) origin. */
    static String origin(String value) {
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
