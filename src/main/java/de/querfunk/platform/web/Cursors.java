package de.querfunk.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import de.querfunk.platform.problem.ProblemException;

/**
 * Opaque cursors: a list of string fields, base64url-encoded. Clients must not build them; a
 * cursor that does not decode is a 400 problem, never a 500.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';

    private Cursors() {
    }

    public static String encode(String... fields) {
        String joined = String.join(String.valueOf(SEPARATOR), fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of {@code cursor}, which must have exactly {@code count} of them. */
    public static List<String> decode(String cursor, int count) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> fields = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (fields.size() != count) {
                throw new IllegalArgumentException("wrong field count");
            }
            return fields;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "The cursor is not one this server issued; use nextCursor from the previous page.");
        }
    }
}
