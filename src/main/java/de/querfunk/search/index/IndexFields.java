package de.querfunk.search.index;

import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import de.querfunk.search.SearchDocument;
import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;

/**
 * The fields of an index document. Everything a result shows is stored, so a result page needs no
 * database; names of spaces and people are looked up at query time, so renames need no reindexing.
 */
public final class IndexFields {

    /** {@code <kind>:<id>}: the term updates and deletes address. */
    public static final String KEY = "key";
    /**
     * A 64-bit hash of the key in doc values: the last sort key, so that results tied on score and
     * time still have one order across pages. A number, because a string sort key is looked up in
     * a compressed terms dictionary for every hit that enters the top of the page.
     */
    public static final String TIEBREAK = "tiebreak";
    public static final String KIND = "kind";
    /**
     * The access key ({@code space:<id>} or {@code conversation:<id>}) that the permission filter
     * matches: indexed and in doc values, so the filter can check candidates one by one.
     */
    public static final String ACCESS = "access";
    /** The space id, also as doc values for the per-space facet. */
    public static final String SPACE = "space";
    public static final String PARENT = "parent";
    public static final String AUTHOR = "author";
    /** Epoch milliseconds: a point for date filters, doc values for sorting, stored for results. */
    public static final String CREATED = "created";
    /** {@code link} and/or {@code file}. */
    public static final String HAS = "has";
    /** 1 for documents in a thread; doc values only, so that a thread's first reply updates it in place. */
    public static final String THREAD = "thread";
    public static final String LANGUAGE = "lang";
    /** The text as written, stored for snippets. */
    public static final String TEXT = "text";

    public static final String TEXT_DE = SearchAnalyzers.TEXT_DE;
    public static final String TEXT_EN = SearchAnalyzers.TEXT_EN;
    public static final String TEXT_EXACT = SearchAnalyzers.TEXT_EXACT;
    /** The analysed text fields, which queries match and snippets mark. */
    public static final List<String> TEXT_FIELDS = List.of(TEXT_DE, TEXT_EN, TEXT_EXACT);

    /** Analysed text whose postings carry character offsets, so that snippets mark matches without analysing again. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private IndexFields() {
    }

    /** The {@link #TIEBREAK} value of a document key. */
    private static long tiebreak(String key) {
        return StringHelper.murmurhash3_x64_128(new BytesRef(key))[0];
    }

    static Document toLucene(SearchDocument doc, Language language) {
        Document d = new Document();
        String key = doc.key();
        d.add(new StringField(KEY, key, Store.YES));
        d.add(new NumericDocValuesField(TIEBREAK, tiebreak(key)));
        d.add(new StringField(KIND, doc.kind().wireName(), Store.NO));
        d.add(new SortedDocValuesField(KIND, new BytesRef(doc.kind().wireName())));
        d.add(new KeywordField(ACCESS, doc.accessKey(), Store.YES));
        if (doc.spaceId() != null) {
            d.add(new StringField(SPACE, doc.spaceId().toString(), Store.NO));
            d.add(new SortedDocValuesField(SPACE, new BytesRef(doc.spaceId().toString())));
        }
        if (doc.parentId() != null) {
            d.add(new StringField(PARENT, doc.parentId().toString(), Store.YES));
        }
        if (doc.authorId() != null) {
            d.add(new StringField(AUTHOR, doc.authorId().toString(), Store.YES));
        }
        long created = doc.createdAt().toEpochMilli();
        d.add(new LongPoint(CREATED, created));
        d.add(new NumericDocValuesField(CREATED, created));
        d.add(new StoredField(CREATED, created));
        if (doc.hasLink()) {
            d.add(new StringField(HAS, "link", Store.NO));
        }
        if (doc.hasFile()) {
            d.add(new StringField(HAS, "file", Store.NO));
        }
        d.add(new NumericDocValuesField(THREAD, doc.isThread() ? 1 : 0));
        d.add(new StoredField(LANGUAGE, language.tag()));
        d.add(new Field(SearchAnalyzers.textField(language), doc.text(), TEXT_WITH_OFFSETS));
        d.add(new Field(TEXT_EXACT, doc.text(), TEXT_WITH_OFFSETS));
        d.add(new StoredField(TEXT, doc.text()));
        return d;
    }
}
