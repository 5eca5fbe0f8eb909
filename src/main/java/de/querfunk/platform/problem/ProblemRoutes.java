package de.querfunk.platform.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems for requests that never reach a REST resource: an unknown address under
 * {@code /api} and a body larger than {@code quarkus.http.limits.max-body-size}, which the
 * HTTP layer refuses before any resource sees it.
 */
@Singleton
public class ProblemRoutes {

    private final long maxBodySize;

    ProblemRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route("/api/*").order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404, Problems.NOT_FOUND,
                "Not found", "No resource exists at this address."));
    }

    /** A body announced larger than the limit is refused before it is read. */
    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize) {
                    // The unread body stays on the wire, so this connection cannot serve another request.
                    ctx.response().putHeader("Connection", "close");
                    write(ctx, 413, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                            "The request body has " + length.trim() + " bytes; this server accepts at most " + maxBodySize + ".");
                    return;
                }
            } catch (NumberFormatException e) {
                write(ctx, 400, Problems.BAD_REQUEST, "Bad request", "The Content-Length header is not a number.");
                return;
            }
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            write(ctx, 413, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is larger than this server accepts.");
        } else {
            ctx.next();
        }
    }

    private static void write(RoutingContext ctx, int status, String type, String title, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        JsonObject body = new JsonObject().put("type", type).put("title", title).put("status", status)
                .put("detail", detail).put("instance", ctx.request().path());
        ctx.response().setStatusCode(status).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                .end(body.encode());
    }
}
