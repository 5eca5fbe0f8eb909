package de.querfunk.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed search query. The syntax, as people type it into a search box:
 *
 * <ul>
 *   <li>{@code kündigung vertrag}: every word must occur (stemmed, compounds split);
 *   <li>{@code "kündigung zum monatsende"}: the words in this order;
 *   <li>{@code -entwurf}, {@code -"alter stand"}, {@code -from:bob}: must not occur;
 *   <li>{@code rückruf OR rückrufservice}: either; {@code OR} binds the terms right beside it;
 *   <li>{@code kund*}: words starting with "kund" (at least two letters before the {@code *});
 *   <li>filters: {@code in:<space name or id>} (quote names with spaces: {@code in:"Team Nord"}),
 *       {@code from:<username>}, {@code before:}/{@code after:}/{@code on:YYYY-MM-DD},
 *       {@code has:link}, {@code has:file}, {@code type:message}, {@code is:thread}.
 * </ul>
 *
 * Other {@code word:word} tokens (a URL, a time) are plain text. {@code AND} is allowed and
 * changes nothing. Anything else that cannot be understood is an {@link InvalidQueryException}
 * naming the column.
 */
public record SearchQuery(List<Clause> clauses) {

    public static final Set<String> FILTER_KEYS = Set.of("in", "from", "before", "after", "on", "has", "type", "is");
    public static final int MAX_CLAUSES = 32;

    public SearchQuery {
        clauses = List.copyOf(clauses);
    }

    /** A word, a phrase or a filter, at a column (from 1) of the query. */
    public sealed interface Term permits Word, Phrase, Filter {
        int column();
    }

    /** A word as typed; {@code prefix} when it ended with {@code *} (which {@code text} no longer holds). */
    public record Word(String text, boolean prefix, int column) implements Term {
    }

    public record Phrase(String text, int column) implements Term {
    }

    /** {@code key} in lower case; {@code valueColumn} is where the value starts, for errors about it. */
    public record Filter(String key, String value, int column, int valueColumn) implements Term {
    }

    /** Terms of which at least one must match (one term unless joined by {@code OR}); or, when negated, none. */
    public record Clause(List<Term> anyOf, boolean negated) {
        public Clause {
            anyOf = List.copyOf(anyOf);
        }
    }

    public static SearchQuery parse(String input, int maxLength) {
        if (input == null || input.isBlank()) {
            throw new InvalidQueryException("The query is empty; type words to search for", 1);
        }
        if (input.length() > maxLength) {
            throw new InvalidQueryException("A query has at most " + maxLength + " characters; this one has "
                    + input.length(), maxLength + 1);
        }
        return new SearchQuery(group(tokenize(input)));
    }

    /** A term or an {@code OR} (term null) as it appeared. */
    private record Item(Term term, boolean negated, int column) {
        boolean isOr() {
            return term == null;
        }
    }

    private static List<Item> tokenize(String s) {
        List<Item> items = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean negated = false;
            if (c == '-') {
                if (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1))) {
                    i++; // a dash on its own is punctuation
                    continue;
                }
                negated = true;
                i++;
            }
            if (s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidQueryException("This quote is not closed; end the phrase with another \"", i + 1);
                }
                String text = s.substring(i + 1, end);
                if (!text.isBlank()) {
                    items.add(new Item(new Phrase(text, i + 1), negated, start + 1));
                }
                i = end + 1;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '"') {
                j++;
            }
            String token = s.substring(i, j);
            int colon = token.indexOf(':');
            if (colon > 0 && FILTER_KEYS.contains(token.substring(0, colon).toLowerCase(Locale.ROOT))) {
                String key = token.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = token.substring(colon + 1);
                int valueStart = i + colon + 2;
                if (value.isEmpty() && j < n && s.charAt(j) == '"') {
                    int end = s.indexOf('"', j + 1);
                    if (end < 0) {
                        throw new InvalidQueryException("This quote is not closed; end the value with another \"", j + 1);
                    }
                    value = s.substring(j + 1, end).strip();
                    valueStart = j + 2;
                    j = end + 1;
                }
                if (value.isEmpty()) {
                    throw new InvalidQueryException(key + ": needs a value right after the colon, e.g. " + example(key),
                            i + colon + 2);
                }
                items.add(new Item(new Filter(key, value, i + 1, valueStart), negated, start + 1));
                i = j;
                continue;
            }
            if (!negated && token.equals("OR")) {
                items.add(new Item(null, false, start + 1));
            } else if (!negated && token.equals("AND")) {
                // Every term is required anyway.
            } else {
                items.add(new Item(word(token, i + 1), negated, start + 1));
            }
            i = j;
        }
        return items;
    }

    private static Word word(String token, int column) {
        boolean prefix = token.endsWith("*");
        String base = prefix ? token.substring(0, token.length() - 1) : token;
        int star = base.indexOf('*');
        if (star >= 0) {
            throw new InvalidQueryException("Only a * at the end of a word is supported", column + star);
        }
        if (prefix) {
            int letters = 0;
            for (int k = 0; k < base.length(); k++) {
                char ch = base.charAt(k);
                if (Character.isLetterOrDigit(ch)) {
                    letters++;
                } else {
                    throw new InvalidQueryException("A * completes one word of letters and digits; '" + token
                            + "' has other characters", column + k);
                }
            }
            if (letters < 2) {
                throw new InvalidQueryException("Put at least two letters before the *", column);
            }
        }
        return new Word(base, prefix, column);
    }

    private static List<Clause> group(List<Item> items) {
        List<Clause> clauses = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            Item first = items.get(k);
            if (first.isOr()) {
                throw new InvalidQueryException("OR needs a search term on both sides", first.column());
            }
            List<Item> members = new ArrayList<>(List.of(first));
            while (k + 1 < items.size() && items.get(k + 1).isOr()) {
                Item or = items.get(k + 1);
                if (k + 2 >= items.size() || items.get(k + 2).isOr()) {
                    throw new InvalidQueryException("OR needs a search term on both sides", or.column());
                }
                members.add(items.get(k + 2));
                k += 2;
            }
            k++;
            if (members.size() > 1) {
                for (Item m : members) {
                    if (m.negated()) {
                        throw new InvalidQueryException("An excluded term cannot be part of OR", m.column());
                    }
                }
            }
            clauses.add(new Clause(members.stream().map(Item::term).toList(), first.negated() && members.size() == 1));
            if (clauses.size() > MAX_CLAUSES) {
                throw new InvalidQueryException("A query has at most " + MAX_CLAUSES + " terms and filters",
                        first.column());
            }
        }
        if (clauses.isEmpty()) {
            throw new InvalidQueryException("The query has nothing to search for; type words to search for", 1);
        }
        return clauses;
    }

    private static String example(String key) {
        return switch (key) {
            case "in" -> "in:Kundenservice";
            case "from" -> "from:anna";
            case "before", "after", "on" -> key + ":2025-03-31";
            case "has" -> "has:link";
            case "type" -> "type:message";
            case "is" -> "is:thread";
            default -> key + ":value";
        };
    }
}
