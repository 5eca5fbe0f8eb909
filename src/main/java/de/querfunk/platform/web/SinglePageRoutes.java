package de.querfunk.platform.web;

import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The web client's own addresses ({@code /c/...}, {@code /messages/...}, {@code /invite/...}) are
 * routes inside the single-page app: the server answers them with the app's page. Quinoa's SPA
 * routing cannot do this here, because it relies on the REST layer passing unknown paths on, and
 * our problem mappers answer every unknown path with a 404 problem instead. API, operations and
 * file addresses (anything with an extension) are left alone.
 */
@Singleton
public class SinglePageRoutes {

    private static final Pattern APP_ROUTE = Pattern.compile("/(?!api(?:/|$)|q(?:/|$)|assets/)[^.]+");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && APP_ROUTE.matcher(ctx.normalizedPath()).matches()) {
                ctx.reroute("/");
            } else {
                ctx.next();
            }
        });
    }
}
