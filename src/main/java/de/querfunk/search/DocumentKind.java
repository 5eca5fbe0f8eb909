package de.querfunk.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a search result is. Each kind names the feature's permalinks, so results link to the item
 * without the search knowing the feature. Topics, wiki pages, polls and files join as their
 * features arrive: one constant each, with their paths, plus a {@link SearchDocumentSource}.
 */
public enum DocumentKind {

    MESSAGE("message", "/api/v1/messages/", "/messages/");

    private final String wireName;
    private final String apiPath;
    private final String webPath;

    DocumentKind(String wireName, String apiPath, String webPath) {
        this.wireName = wireName;
        this.apiPath = apiPath;
        this.webPath = webPath;
    }

    /** The name in the API ({@code type:message}), in the index and in facets. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The item in the REST API, e.g. {@code /api/v1/messages/<id>}. */
    public String apiLink(UUID id) {
        return apiPath + id;
    }

    /** The item in the web client, e.g. {@code /messages/<id>}. */
    public String webLink(UUID id) {
        return webPath + id;
    }

    public static Optional<DocumentKind> fromWireName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wireName.equals(n)).findFirst();
    }
}
