package de.querfunk.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.platform.problem.ProblemException;

/**
 * Password rules after NIST SP 800-63B section 5.1.1: at least 8 characters, up to 256, any
 * characters including spaces and emoji, no composition rules, and no password that is among the
 * most common ones, repeats one character, or is the person's own username or the product's name.
 */
@ApplicationScoped
class PasswordPolicy {

    static final String WEAK_PASSWORD = "/problems/weak-password";
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    private static final List<String> CONTEXT_WORDS = List.of("querfunk", "password", "passwort");

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("/identity/common-passwords.txt");
    }

    void check(String password, String username) {
        if (password == null) {
            throw weak("A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("A password needs at least " + MIN_LENGTH + " characters; a passphrase of several words is easy to remember.");
        }
        if (length > MAX_LENGTH) {
            throw weak("A password may have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || CONTEXT_WORDS.contains(lower) || CONTEXT_WORDS.stream().anyMatch(w -> lower.equals(w + "1"))) {
            throw weak("This password is among the most commonly used ones and is guessed first; choose another.");
        }
        if (lower.codePoints().distinct().count() == 1) {
            throw weak("A password that repeats one character is guessed first; choose another.");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("A password must not contain the username.");
        }
    }

    private static ProblemException weak(String detail) {
        return new ProblemException(400, WEAK_PASSWORD, "Password not accepted", detail,
                List.of(new ProblemException.FieldError("password", detail)), java.util.Map.of());
    }

    private static Set<String> load(String resource) {
        InputStream in = PasswordPolicy.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The list of common passwords " + resource + " is missing from the build");
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
