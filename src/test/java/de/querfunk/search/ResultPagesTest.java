package de.querfunk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.util.BytesRef;
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

/**
 * Paging through results that tie on every sort value but the last: the same text in the same
 * millisecond. A cursor keeps only the sort values (SearchService's cursors carry no document
 * number), so only the tie-break keeps such results apart across pages.
 */
class ResultPagesTest {

    @TempDir
    Path dir;

    @Test
    void resultsTiedOnScoreAndTime_eachAppearOnExactlyOnePage_inBothOrders() throws IOException {
        String key = SearchDocument.SPACE_KEY + UUID.randomUUID();
        Instant sameMillisecond = Instant.parse("2026-03-01T10:00:00Z");
        Set<String> posted = new HashSet<>();
        try (SearchAnalyzers analyzers = SearchAnalyzers.load();
                SearchIndex index = SearchIndex.open(dir, analyzers, Language.GERMAN)) {
            for (int batch = 0; batch < 3; batch++) {
                List<IndexChange> changes = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    SearchDocument d = new SearchDocument(DocumentKind.MESSAGE, UUID.randomUUID(), key, UUID.randomUUID(),
                            UUID.randomUUID(), sameMillisecond, "Rückruf erbeten", "de", false, false, false);
                    posted.add(d.key());
                    changes.add(new IndexChange.Upsert(d));
                }
                index.apply(changes);
                index.refresh();
            }
            QueryCompiler compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
            Query text = compiler.compile(SearchQuery.parse("Rückruf", 500), Scope.NO_NAMES);
            ResultPages pages = new ResultPages(null);
            Query permitted = ResultPages.permitted(List.of(new BytesRef(key)));
            for (Sort sort : List.of(ResultPages.RELEVANCE, ResultPages.NEWEST)) {
                List<String> seen = index.search(searcher -> {
                    List<String> keys = new ArrayList<>();
                    FieldDoc after = null;
                    ResultPages.Page page;
                    do {
                        page = pages.page(searcher, text, permitted, sort, 4, after);
                        assertThat(page.hits()).as("a page after the cursor of a page that said more follow").isNotEmpty();
                        for (ResultPages.Hit hit : page.hits()) {
                            keys.add(hit.stored().get(IndexFields.KEY));
                        }
                        FieldDoc last = page.hits().get(page.hits().size() - 1).position();
                        // As a cursor restores it: the sort values only.
                        after = new FieldDoc(Integer.MAX_VALUE, last.score, last.fields);
                    } while (page.more());
                    return keys;
                });
                assertThat(seen).as(sort.toString()).hasSize(posted.size()).containsExactlyInAnyOrderElementsOf(posted);
            }
        }
    }
}
