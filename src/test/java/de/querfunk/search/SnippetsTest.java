package de.querfunk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.index.SearchIndex;
import de.querfunk.search.query.QueryCompiler;
import de.querfunk.search.query.ResultPages;
import de.querfunk.search.query.Scope;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.Snippets;

class SnippetsTest {

    private static SearchAnalyzers analyzers;
    private static QueryCompiler compiler;
    private static Snippets snippets;

    @TempDir
    static Path indexDir;
    private static SearchIndex index;
    private static final String SPACE_KEY = SearchDocument.SPACE_KEY + UUID.randomUUID();

    @BeforeAll
    static void load() throws IOException {
        analyzers = SearchAnalyzers.load();
        compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
        snippets = new Snippets(analyzers.indexAnalyzer(), 80);
        index = SearchIndex.open(indexDir, analyzers, Language.GERMAN);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analyzers.close();
    }

    /** The snippet both ways: marked by analysing the text, and at the offsets the index recorded; they must agree. */
    private static String snippet(String q, String text) {
        String analysed = analysedSnippet(q, text);
        assertThat(fromIndex(query(q), text)).as("snippet from the offsets in the index").isEqualTo(analysed);
        return analysed;
    }

    private static String analysedSnippet(String q, String text) {
        return snippets.snippet(Snippets.matches(query(q)), text, IndexFields.TEXT_DE);
    }

    private static Query query(String q) {
        return compiler.compile(SearchQuery.parse(q, 500), Scope.NO_NAMES);
    }

    /** The snippet a search shows: the text indexed as a German message, marked at the offsets the index recorded. */
    private static String fromIndex(Query query, String text) {
        try {
            UUID id = UUID.randomUUID();
            index.apply(List.of(new IndexChange.Upsert(new SearchDocument(DocumentKind.MESSAGE, id, SPACE_KEY, null, null,
                    Instant.now(), text, "de", false, false, false))));
            index.refresh();
            Query only = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.KEY, SearchDocument.key(DocumentKind.MESSAGE, id))), Occur.FILTER)
                    .build();
            var page = index.search(searcher -> new ResultPages(snippets).page(searcher, only,
                    ResultPages.permitted(List.of(new BytesRef(SPACE_KEY))), Sort.RELEVANCE, 1, null));
            assertThat(page.hits()).hasSize(1);
            return page.hits().get(0).snippet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void snippet_escapesEverythingButTheMarks() {
        String html = snippet("kündigung", "<script>alert('x')</script> Die Kündigung & <b>mehr</b>");
        assertThat(html).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Die <mark>Kündigung</mark> &amp; &lt;b&gt;mehr&lt;/b&gt;");
    }

    @Test
    void snippet_marksTheCompoundASubwordMatched_andStemmedForms() {
        assertThat(snippet("Kündigung", "Die Vertragskündigungsbestätigung ist da"))
                .isEqualTo("Die <mark>Vertragskündigungsbestätigung</mark> ist da");
        assertThat(snippet("kunden", "Ein Kunde und zwei Kunden")).isEqualTo("Ein <mark>Kunde</mark> und zwei <mark>Kunden</mark>");
        assertThat(snippet("rück*", "Bitte um Rückruf")).isEqualTo("Bitte um <mark>Rückruf</mark>");
    }

    @Test
    void snippet_ofALongText_isCutAroundTheFirstMatch_atWordBoundaries() {
        String text = "Anfang " + "wort ".repeat(40) + "Rückrufservice hier " + "ende ".repeat(40);
        String html = snippet("rückruf", text);
        assertThat(html).startsWith("…").endsWith("…").contains("<mark>Rückrufservice</mark>");
        assertThat(html.replace("<mark>", "").replace("</mark>", "").length()).isLessThanOrEqualTo(82);
        assertThat(html).doesNotContain("Anfang").contains(" wort ");
    }

    @Test
    void snippet_marksTheWordsOfAPhrase_notWhatLiesBetweenOtherMatches() {
        assertThat(snippet("\"Kündigung des Vertrags\"", "Heute kam die Kündigung des Vertrags per Post"))
                .contains("<mark>Kündigung</mark>").contains("<mark>Vertrags</mark>").doesNotContain("<mark>Post");
        assertThat(snippet("rückruf termin", "Rückruf morgen, Termin offen"))
                .isEqualTo("<mark>Rückruf</mark> morgen, <mark>Termin</mark> offen");
    }

    @Test
    void snippet_neverMarksExcludedWords() {
        // The index path never shows such a document: the search excludes it.
        assertThat(analysedSnippet("termin -absage", "Termin trotz Absage")).isEqualTo("<mark>Termin</mark> trotz Absage");
    }
}
