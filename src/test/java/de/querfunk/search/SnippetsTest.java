package de.querfunk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.query.QueryCompiler;
import de.querfunk.search.query.Scope;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.Snippets;

class SnippetsTest {

    private static SearchAnalyzers analyzers;
    private static QueryCompiler compiler;
    private static Snippets snippets;

    @BeforeAll
    static void load() {
        analyzers = SearchAnalyzers.load();
        compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
        snippets = new Snippets(analyzers.indexAnalyzer(), 80);
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    private static String snippet(String q, String text) {
        Query query = compiler.compile(SearchQuery.parse(q, 500), new Scope() {
            @Override
            public Optional<UUID> readableSpaceNamed(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<UUID> personNamed(String username) {
                return Optional.empty();
            }
        });
        return snippets.snippet(Snippets.matches(query), text, IndexFields.TEXT_DE);
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
    void snippet_neverMarksExcludedWords() {
        assertThat(snippet("termin -absage", "Termin trotz Absage")).isEqualTo("<mark>Termin</mark> trotz Absage");
    }
}
