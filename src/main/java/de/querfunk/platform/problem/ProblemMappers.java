package de.querfunk.platform.problem;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of a REST request into an RFC 9457 problem. One place, so that no
 * resource ever answers an error in another shape; unique-constraint violations become 409
 * here (after Keycloak's PersistenceExceptionConverter) and nowhere else.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        var builder = Response.status(e.status()).type(PROBLEM_JSON)
                .entity(new ProblemView(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors(), null));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        String detail = errors.isEmpty() ? "The request is not valid."
                : errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).get();
        return Response.status(400).type(PROBLEM_JSON)
                .entity(new ProblemView(Problems.VALIDATION, "Validation failed", 400, detail, path(uri), errors, null))
                .build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /**
     * Unknown properties and values of the wrong type. Declared for this exact type so that it
     * takes precedence over Quarkus' built-in mapper, which answers in a shape of its own.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof NotFoundException || status == 404) {
            return simple(404, Problems.NOT_FOUND, "Not found", "No resource exists at this address.", uri);
        }
        if (e instanceof NotAllowedException || status == 405) {
            var response = simple(405, Problems.METHOD_NOT_ALLOWED, "Method not allowed",
                    "This resource does not support this HTTP method.", uri);
            if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return response;
        }
        if (e instanceof NotSupportedException || status == 415) {
            return simple(415, Problems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "This resource accepts application/json.", uri);
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return simple(406, Problems.NOT_ACCEPTABLE, "Not acceptable",
                    "This resource answers with application/json.", uri);
        }
        if (status == 413) {
            return simple(413, Problems.PAYLOAD_TOO_LARGE, "Payload too large", "The request body is too large.", uri);
        }
        if (status >= 400 && status < 500) {
            return simple(status, Problems.BAD_REQUEST, "Bad request", "The request could not be understood.", uri);
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response persistence(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (isUniqueViolation(e)) {
            return simple(409, Problems.CONFLICT, "Conflict",
                    "This conflicts with something that already exists; reload and try again.", uri);
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && isUniqueViolation(c)) {
                return persistence(c, uri);
            }
            t = t.getCause();
        }
        return internal(e, uri);
    }

    static boolean isUniqueViolation(org.hibernate.exception.ConstraintViolationException e) {
        SQLException sql = e.getSQLException();
        return sql != null && "23505".equals(sql.getSQLState());
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this resource";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail += " at '" + mapping.getPathReference().replaceAll("^[^\\[]*\\[", "[") + "'";
        }
        if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return simple(400, Problems.MALFORMED_JSON, "Malformed JSON", detail + ".", uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return Response.status(500).type(PROBLEM_JSON)
                .entity(new ProblemView(Problems.INTERNAL, "Internal error", 500,
                        "Something went wrong on the server; quote error id " + errorId + " when reporting it.",
                        null, List.of(), errorId))
                .build();
    }

    private static Response simple(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new ProblemView(type, title, status, detail, path(uri), List.of(), null)).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The JSON name of the invalid field: the property path without the method and parameter names. */
    private static String fieldName(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    name.setLength(0);
                }
                continue;
            }
            if (node.getIndex() != null && !name.isEmpty()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
