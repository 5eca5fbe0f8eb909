package de.querfunk.search.query;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import de.querfunk.search.DocumentKind;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.query.SearchQuery.Clause;
import de.querfunk.search.query.SearchQuery.Filter;
import de.querfunk.search.query.SearchQuery.Phrase;
import de.querfunk.search.query.SearchQuery.Word;

/**
 * Turns a {@link SearchQuery} into a Lucene query over the text fields and filters. The permission
 * filter is not part of it: the caller adds it to every query.
 *
 * <p>A word or phrase is searched in both language fields and in the exact field, the exact field
 * boosted, so that a document with the very word ranks above one that matches only through a stem
 * or a compound's subword. A word that one language drops as a stop word ("die", "the") only raises
 * the score of documents containing it instead of being required. Two or more plain words also add
 * an optional proximity clause, so documents with the words close together rank first.
 */
public final class QueryCompiler {

    private static final String[] LANGUAGE_FIELDS = {IndexFields.TEXT_DE, IndexFields.TEXT_EN};
    /** Words at most this far apart count as close for the proximity boost. */
    private static final int PROXIMITY_SLOP = 3;

    private final Analyzer analyzer;
    private final QueryBuilder builder;
    private final float exactBoost;

    /** @param queryAnalyzer the per-field query analyzer ({@code SearchAnalyzers.queryAnalyzer()}) */
    public QueryCompiler(Analyzer queryAnalyzer, float exactBoost) {
        this.analyzer = queryAnalyzer;
        this.builder = new QueryBuilder(queryAnalyzer);
        this.exactBoost = exactBoost;
    }

    private record Part(Query query, Occur occur) {
    }

    public Query compile(SearchQuery query, Scope scope) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        boolean required = false;
        boolean optional = false;
        boolean restricted = false;
        List<String> plainWords = new ArrayList<>();
        for (Clause clause : query.clauses()) {
            Part part = clause.anyOf().size() == 1 ? part(clause.anyOf().get(0), scope) : anyOf(clause, scope);
            if (part == null) {
                continue;
            }
            if (clause.negated()) {
                top.add(part.query(), Occur.MUST_NOT);
                continue;
            }
            top.add(part.query(), part.occur());
            required |= part.occur() == Occur.MUST;
            optional |= part.occur() == Occur.SHOULD;
            restricted |= part.occur() != Occur.SHOULD;
            if (clause.anyOf().size() == 1 && clause.anyOf().get(0) instanceof Word w && !w.prefix()) {
                plainWords.add(w.text());
            }
        }
        if (plainWords.size() >= 2) {
            Query near = builder.createPhraseQuery(IndexFields.TEXT_EXACT, String.join(" ", plainWords), PROXIMITY_SLOP);
            if (near != null) {
                top.add(near, Occur.SHOULD);
            }
        }
        if (!required && optional) {
            // Only stop words and filters: at least one of the words must still be there.
            top.setMinimumNumberShouldMatch(1);
        }
        if (!restricted && !optional) {
            top.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
        }
        return top.build();
    }

    private Part anyOf(Clause clause, Scope scope) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        for (SearchQuery.Term term : clause.anyOf()) {
            Part p = part(term, scope);
            if (p != null) {
                any.add(p.occur() == Occur.FILTER ? new ConstantScoreQuery(p.query()) : p.query(), Occur.SHOULD);
                some = true;
            }
        }
        return some ? new Part(any.build(), Occur.MUST) : null;
    }

    private Part part(SearchQuery.Term term, Scope scope) {
        return switch (term) {
            case Word w when w.prefix() -> prefix(w);
            case Word w -> text(w.text(), true);
            case Phrase p -> text(p.text(), false);
            case Filter f -> new Part(filter(f, scope), Occur.FILTER);
        };
    }

    /**
     * A word or phrase in every text field. A word that a language field drops (a stop word there)
     * becomes optional; a phrase stays required as long as the exact field can match it.
     */
    private Part text(String text, boolean word) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean dropped = false;
        for (String field : LANGUAGE_FIELDS) {
            Query q = builder.createPhraseQuery(field, text);
            if (q == null) {
                dropped = true;
            } else {
                fields.add(q, Occur.SHOULD);
            }
        }
        Query exact = builder.createPhraseQuery(IndexFields.TEXT_EXACT, text);
        if (exact == null) {
            return null; // punctuation only
        }
        fields.add(new BoostQuery(exact, exactBoost), Occur.SHOULD);
        return new Part(fields.build(), word && dropped ? Occur.SHOULD : Occur.MUST);
    }

    private Part prefix(Word w) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (String field : LANGUAGE_FIELDS) {
            fields.add(new PrefixQuery(new Term(field, analyzer.normalize(field, w.text()))), Occur.SHOULD);
        }
        Query exact = new PrefixQuery(new Term(IndexFields.TEXT_EXACT, analyzer.normalize(IndexFields.TEXT_EXACT, w.text())));
        fields.add(new BoostQuery(exact, exactBoost), Occur.SHOULD);
        return new Part(fields.build(), Occur.MUST);
    }

    private Query filter(Filter f, Scope scope) {
        String v = f.value();
        return switch (f.key()) {
            case "in" -> in(v, scope);
            case "from" -> scope.personNamed(v.startsWith("@") ? v.substring(1) : v)
                    .<Query>map(id -> new TermQuery(new Term(IndexFields.AUTHOR, id.toString())))
                    .orElse(new MatchNoDocsQuery("no such person"));
            case "before" -> LongPoint.newRangeQuery(IndexFields.CREATED, Long.MIN_VALUE, startOf(date(f)) - 1);
            case "after" -> LongPoint.newRangeQuery(IndexFields.CREATED, startOf(date(f).plusDays(1)), Long.MAX_VALUE);
            case "on" -> LongPoint.newRangeQuery(IndexFields.CREATED, startOf(date(f)), startOf(date(f).plusDays(1)) - 1);
            case "has" -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "link", "file" -> new TermQuery(new Term(IndexFields.HAS, v.toLowerCase(java.util.Locale.ROOT)));
                default -> throw new InvalidQueryException("has: is has:link or has:file, not has:" + v, f.valueColumn());
            };
            case "type" -> DocumentKind.fromWireName(v)
                    .<Query>map(k -> new TermQuery(new Term(IndexFields.KIND, k.wireName())))
                    .orElseThrow(() -> new InvalidQueryException("type: is one of " + Arrays.stream(DocumentKind.values())
                            .map(k -> "type:" + k.wireName()).collect(Collectors.joining(", ")) + ", not type:" + v,
                            f.valueColumn()));
            case "is" -> {
                if (!v.equalsIgnoreCase("thread")) {
                    throw new InvalidQueryException("is: is is:thread, not is:" + v, f.valueColumn());
                }
                yield NumericDocValuesField.newSlowExactQuery(IndexFields.THREAD, 1);
            }
            default -> throw new InvalidQueryException("Unknown filter " + f.key() + ":", f.column());
        };
    }

    /** A space by id or name, or a conversation by id; the permission filter still applies. */
    private static Query in(String value, Scope scope) {
        Optional<UUID> id = uuid(value);
        if (id.isPresent()) {
            return new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.ACCESS, SearchDocument.SPACE_KEY + id.get())), Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.ACCESS, SearchDocument.CONVERSATION_KEY + id.get())), Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.PARENT, id.get().toString())), Occur.SHOULD)
                    .build();
        }
        String name = value.startsWith("#") ? value.substring(1) : value;
        return scope.readableSpaceNamed(name)
                .<Query>map(space -> new TermQuery(new Term(IndexFields.ACCESS, SearchDocument.SPACE_KEY + space)))
                .orElse(new MatchNoDocsQuery("no readable space of that name"));
    }

    private static Optional<UUID> uuid(String value) {
        if (value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(Filter f) {
        try {
            return LocalDate.parse(f.value());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(f.key() + ": takes a date as YYYY-MM-DD, e.g. " + f.key() + ":2025-03-31, not "
                    + f.value(), f.valueColumn());
        }
    }

    /** Dates are days in UTC. */
    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
