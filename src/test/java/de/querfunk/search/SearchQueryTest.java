package de.querfunk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import de.querfunk.search.query.InvalidQueryException;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.SearchQuery.Clause;
import de.querfunk.search.query.SearchQuery.Filter;
import de.querfunk.search.query.SearchQuery.Phrase;
import de.querfunk.search.query.SearchQuery.Word;

class SearchQueryTest {

    private static SearchQuery parse(String q) {
        return SearchQuery.parse(q, 500);
    }

    private static InvalidQueryException invalid(String q) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> parse(q));
        assertThat(e).as("'%s' should be refused", q).isNotNull();
        return e;
    }

    @Test
    void parse_wordsPhrasesExclusionsPrefixesAndFilters() {
        SearchQuery q = parse("kündigung \"zum monatsende\" -entwurf kund* in:\"Team Nord\" from:@bob on:2025-03-31");
        assertThat(q.clauses()).containsExactly(
                new Clause(java.util.List.of(new Word("kündigung", false, 1)), false),
                new Clause(java.util.List.of(new Phrase("zum monatsende", 11)), false),
                new Clause(java.util.List.of(new Word("entwurf", false, 29)), true),
                new Clause(java.util.List.of(new Word("kund", true, 37)), false),
                new Clause(java.util.List.of(new Filter("in", "Team Nord", 43, 47)), false),
                new Clause(java.util.List.of(new Filter("from", "@bob", 58, 63)), false),
                new Clause(java.util.List.of(new Filter("on", "2025-03-31", 68, 71)), false));
    }

    @Test
    void parse_orJoinsTheTermsBesideIt() {
        SearchQuery q = parse("vertrag rückruf OR rückrufservice OR \"call back\" kunde");
        assertThat(q.clauses()).hasSize(3);
        assertThat(q.clauses().get(1).anyOf()).hasSize(3);
        assertThat(q.clauses().get(1).negated()).isFalse();
    }

    @Test
    void parse_unknownKeysAndUrlsArePlainText_andAndChangesNothing() {
        SearchQuery q = parse("https://example.org 10:30 AND termin");
        assertThat(q.clauses()).extracting(c -> c.anyOf().get(0))
                .containsExactly(new Word("https://example.org", false, 1), new Word("10:30", false, 21),
                        new Word("termin", false, 31));
        assertThat(parse("foo - bar").clauses()).hasSize(2);
        assertThat(parse("IN:Backoffice").clauses().get(0).anyOf().get(0)).isEqualTo(new Filter("in", "Backoffice", 1, 4));
    }

    @Test
    void parse_mistakes_sayWhere() {
        assertThat(invalid("kündigung \"zum monatsende").column()).isEqualTo(11);
        assertThat(invalid("OR kunde").column()).isEqualTo(1);
        assertThat(invalid("kunde OR").column()).isEqualTo(7);
        assertThat(invalid("kunde OR OR anfrage").column()).isEqualTo(7);
        assertThat(invalid("kunde OR -anfrage").column()).isEqualTo(10);
        assertThat(invalid("a*").column()).isEqualTo(1);
        assertThat(invalid("k*nd").column()).isEqualTo(2);
        assertThat(invalid("*").column()).isEqualTo(1);
        assertThat(invalid("e-mai*").column()).isEqualTo(2);
        assertThat(invalid("termin in:").column()).isEqualTo(11);
        assertThat(invalid("in:\"Team").column()).isEqualTo(4);
        assertThat(invalid("   ").column()).isEqualTo(1);
        assertThat(invalid("\"\"").detail()).contains("nothing to search for");
        assertThat(invalid("x".repeat(501)).column()).isEqualTo(501);
        assertThat(invalid("w ".repeat(33)).detail()).contains("at most 32");
        assertThat(invalid("OR kunde").detail()).isEqualTo("OR needs a search term on both sides (at column 1).");
    }
}
