package de.querfunk.search;

import java.util.List;
import java.util.UUID;

import de.querfunk.identity.PersonSummary;

/** Completions while someone types: people, readable spaces, and words from readable documents. */
public record SuggestionsView(List<PersonSummary> people, List<SpaceSuggestion> spaces, List<String> words) {

    public record SpaceSuggestion(UUID id, String name) {
    }
}
