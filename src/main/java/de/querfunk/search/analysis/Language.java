package de.querfunk.search.analysis;

import java.util.Locale;
import java.util.Optional;

/** The languages whose text the search analyses with stemming and, for German, compound splitting. */
public enum Language {

    GERMAN("de"),
    ENGLISH("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The ISO 639-1 code: {@code de} or {@code en}. */
    public String tag() {
        return tag;
    }

    /** The language of a tag such as {@code de}, {@code de-AT} or {@code en_GB}; empty for others. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
