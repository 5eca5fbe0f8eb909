package de.querfunk.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** German paragraphs about customer service from {@code search/kundenservice-de.txt}. */
final class SeedTexts {

    private SeedTexts() {
    }

    static List<String> germanParagraphs() {
        try (InputStream in = SeedTexts.class.getResourceAsStream("/search/kundenservice-de.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\n\\s*\\n"))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty() && !p.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
