package de.querfunk.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** An in-memory index with the search fields, for tests that prove analysis with real queries. */
final class TestIndex implements AutoCloseable {

    /** How much more an exact-field hit weighs than a language-field hit. */
    static final float EXACT_BOOST = 2f;

    private final SearchAnalyzers analyzers;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;

    TestIndex(SearchAnalyzers analyzers) {
        this.analyzers = analyzers;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.indexAnalyzer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestIndex add(String id, String text, Language language) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField(SearchAnalyzers.textField(language), text, Field.Store.NO));
        doc.add(new TextField(SearchAnalyzers.TEXT_EXACT, text, Field.Store.NO));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestIndex addGerman(String id, String text) {
        return add(id, text, Language.GERMAN);
    }

    /** Ids of the documents matching {@code query} over both language fields and the boosted exact field, best first. */
    List<String> search(String query) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {SearchAnalyzers.TEXT_DE, SearchAnalyzers.TEXT_EN, SearchAnalyzers.TEXT_EXACT},
                analyzers.queryAnalyzer(), Map.of(SearchAnalyzers.TEXT_EXACT, EXACT_BOOST));
        return run(parse(parser, query));
    }

    /** Ids of the documents matching {@code query} in one field, best first. */
    List<String> search(String field, String query) {
        return run(parse(new QueryParser(field, analyzers.queryAnalyzer()), query));
    }

    private static Query parse(QueryParser parser, String query) {
        try {
            return parser.parse(query);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> run(Query query) {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}
