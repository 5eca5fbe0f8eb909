package de.querfunk.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The RFC 9457 body. {@code errors} names each invalid field; {@code errorId} ties a 5xx to the log. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemView(String type, String title, int status, String detail, String instance,
        List<ProblemException.FieldError> errors, String errorId) {
}
