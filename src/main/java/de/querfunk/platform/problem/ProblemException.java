package de.querfunk.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure a client caused or may act on, answered as an RFC 9457 problem.
 * Services throw it; {@link ProblemMappers} writes it. The {@code type} is stable and
 * documented; {@code detail} tells the client what was wrong and what is allowed.
 */
public class ProblemException extends RuntimeException {

    private final String type;
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String type, String title, String detail,
            List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad request", detail);
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, Problems.VALIDATION, "Validation failed", detail,
                List.of(new FieldError(field, detail)), Map.of());
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, Problems.UNAUTHENTICATED, "Authentication required", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, Problems.FORBIDDEN, "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, Problems.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, Problems.TOO_MANY_REQUESTS, "Too many requests", detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** One invalid field of a request: its JSON path and what is allowed there. */
    public record FieldError(String field, String message) {
    }
}
