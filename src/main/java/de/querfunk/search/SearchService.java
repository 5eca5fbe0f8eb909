package de.querfunk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.util.BytesRef;

import de.querfunk.chat.ChatDirectory;
import de.querfunk.identity.Actor;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.identity.People;
import de.querfunk.identity.PersonSummary;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.platform.web.Cursors;
import de.querfunk.platform.web.Paging;
import de.querfunk.search.SearchResultsView.Facets;
import de.querfunk.search.SearchResultsView.Hit;
import de.querfunk.search.SearchResultsView.SpaceCount;
import de.querfunk.search.SearchResultsView.TypeCount;
import de.querfunk.search.SuggestionsView.SpaceSuggestion;
import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.index.SearchIndex;
import de.querfunk.search.index.SearchIndexer;
import de.querfunk.search.query.FacetCounts;
import de.querfunk.search.query.InvalidQueryException;
import de.querfunk.search.query.QueryCompiler;
import de.querfunk.search.query.ResultPages;
import de.querfunk.search.query.Scope;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.Snippets;
import de.querfunk.search.query.TermSuggestions;
import de.querfunk.space.SpaceAccess;

/**
 * Searching, suggesting and rebuilding. Every query is limited to what the person may read at this
 * moment: the access keys of the spaces they may read ({@link SpaceAccess}) and of their direct and
 * group conversations ({@link ChatDirectory}) become a filter on the documents' access keys, so a
 * membership change or a space turning closed applies to the very next search.
 */
@ApplicationScoped
public class SearchService {

    public static final String INVALID_QUERY = "/problems/invalid-query";
    public static final String SEARCH_UNAVAILABLE = "/problems/search-unavailable";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_SUGGESTION_INPUT = 100;
    static final int SUGGESTIONS = 5;
    static final int WORD_SUGGESTIONS = 8;
    private static final String RELEVANCE = "relevance";
    private static final String NEWEST = "newest";

    private final SearchIndexer indexer;
    private final CurrentPerson current;
    private final SpaceAccess spaces;
    private final ChatDirectory chat;
    private final People people;
    private final SearchConfig config;
    private final QueryCompiler compiler;
    private final ResultPages pages;
    private final TermSuggestions words;

    SearchService(SearchIndexer indexer, CurrentPerson current, SpaceAccess spaces, ChatDirectory chat, People people,
            SearchConfig config) {
        this.indexer = indexer;
        this.current = current;
        this.spaces = spaces;
        this.chat = chat;
        this.people = people;
        this.config = config;
        SearchAnalyzers analyzers = indexer.analyzers();
        this.compiler = new QueryCompiler(analyzers.queryAnalyzer(), config.exactBoost());
        this.pages = new ResultPages(new Snippets(analyzers.indexAnalyzer(), config.snippetLength()));
        this.words = new TermSuggestions(analyzers.indexAnalyzer());
    }

    /** What the caller may read, as access keys, and the names of their readable spaces. */
    private record Readable(Map<UUID, String> spaceNames, Set<BytesRef> keys) {
        Query filter() {
            return ResultPages.permitted(keys);
        }
    }

    private Readable readable(UUID personId) {
        Map<UUID, String> names = spaces.readableSpaceNames(personId);
        Set<BytesRef> keys = new HashSet<>();
        names.keySet().forEach(id -> keys.add(new BytesRef(SearchDocument.SPACE_KEY + id)));
        chat.conversationIdsOf(personId).forEach(id -> keys.add(new BytesRef(SearchDocument.CONVERSATION_KEY + id)));
        return new Readable(names, keys);
    }

    /**
     * Results for {@code q}, best ({@code relevance}) or newest ({@code newest}) first, a page of
     * {@code limit} after {@code cursor}.
     */
    @Transactional
    public SearchResultsView search(String q, String sort, String cursor, Integer limit) {
        Actor actor = current.require();
        String order = sort == null || sort.isBlank() ? RELEVANCE : sort;
        if (!order.equals(RELEVANCE) && !order.equals(NEWEST)) {
            throw ProblemException.invalid("sort", "sort is 'relevance' (the default) or 'newest', not '" + sort + "'.");
        }
        int size = limit == null ? DEFAULT_LIMIT : Paging.limit(limit);
        FieldDoc after = cursor == null ? null : after(cursor, order);
        SearchQuery parsed = parse(q);
        Readable readable = readable(actor.id());
        Query text;
        try {
            text = compiler.compile(parsed, scope(readable));
        } catch (InvalidQueryException e) {
            throw invalid(e);
        }
        Sort luceneSort = order.equals(RELEVANCE) ? ResultPages.RELEVANCE : ResultPages.NEWEST;

        Page page = search(searcher -> {
            ResultPages.Page results = pages.page(searcher, text, readable.filter(), luceneSort, size, after);
            List<Found> found = new ArrayList<>();
            for (ResultPages.Hit hit : results.hits()) {
                found.add(found(searcher, hit));
            }
            String next = results.more() ? cursor(order, results.hits().get(results.hits().size() - 1).position()) : null;
            return new Page(found, results.facets(), next);
        });

        Map<UUID, PersonSummary> authors = people.summaries(
                page.found().stream().map(Found::authorId).filter(java.util.Objects::nonNull).distinct().toList());
        List<Hit> hits = page.found().stream().map(f -> new Hit(f.kind(), f.id(), f.parentId(), f.spaceId(),
                f.spaceId() == null ? null : readable.spaceNames().get(f.spaceId()), authors.get(f.authorId()),
                f.createdAt(), f.snippet(), f.thread(), f.language(), f.kind().apiLink(f.id()), f.kind().webLink(f.id())))
                .toList();
        return new SearchResultsView(hits, page.facets().total(), facets(page.facets(), readable), page.next());
    }

    private record Found(DocumentKind kind, UUID id, UUID parentId, UUID spaceId, UUID authorId, Instant createdAt,
            String snippet, boolean thread, String language) {
    }

    private record Page(List<Found> found, FacetCounts.Result facets, String next) {
    }

    private Found found(IndexSearcher searcher, ResultPages.Hit hit) throws IOException {
        Document d = hit.stored();
        String key = d.get(IndexFields.KEY);
        int colon = key.indexOf(':');
        DocumentKind kind = DocumentKind.fromWireName(key.substring(0, colon)).orElseThrow();
        String access = d.get(IndexFields.ACCESS);
        UUID spaceId = access.startsWith(SearchDocument.SPACE_KEY)
                ? UUID.fromString(access.substring(SearchDocument.SPACE_KEY.length())) : null;
        return new Found(kind, UUID.fromString(key.substring(colon + 1)), uuid(d.get(IndexFields.PARENT)), spaceId,
                uuid(d.get(IndexFields.AUTHOR)), Instant.ofEpochMilli(d.getField(IndexFields.CREATED).numericValue().longValue()),
                hit.snippet(), thread(searcher, hit.position().doc), d.get(IndexFields.LANGUAGE));
    }

    private static boolean thread(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexFields.THREAD);
        return values.advanceExact(doc - leaf.docBase) && values.longValue() == 1;
    }

    private static Facets facets(FacetCounts.Result counts, Readable readable) {
        List<TypeCount> types = counts.kinds().entrySet().stream()
                .flatMap(e -> DocumentKind.fromWireName(e.getKey()).map(k -> new TypeCount(k, e.getValue())).stream())
                .sorted(Comparator.comparingLong(TypeCount::count).reversed())
                .toList();
        List<SpaceCount> perSpace = counts.spaces().entrySet().stream()
                .map(e -> Map.entry(UUID.fromString(e.getKey()), e.getValue()))
                .filter(e -> readable.spaceNames().containsKey(e.getKey()))
                .map(e -> new SpaceCount(e.getKey(), readable.spaceNames().get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(SpaceCount::count).reversed().thenComparing(SpaceCount::name))
                .toList();
        return new Facets(types, perSpace);
    }

    private static String cursor(String order, FieldDoc last) {
        Object[] f = last.fields;
        if (order.equals(RELEVANCE)) {
            return Cursors.encode(order, Integer.toHexString(Float.floatToIntBits((Float) f[0])), f[1].toString(),
                    f[2].toString());
        }
        return Cursors.encode(order, "", f[0].toString(), f[1].toString());
    }

    private static FieldDoc after(String cursor, String order) {
        List<String> f = Cursors.decode(cursor, 4);
        if (!f.get(0).equals(order)) {
            throw ProblemException.invalid("cursor", "This cursor belongs to results sorted by " + f.get(0)
                    + "; ask again with sort=" + f.get(0) + " or without the cursor.");
        }
        try {
            Long created = Long.valueOf(f.get(2));
            Long tiebreak = Long.valueOf(f.get(3));
            if (order.equals(RELEVANCE)) {
                float score = Float.intBitsToFloat(Integer.parseUnsignedInt(f.get(1), 16));
                // The highest document number: every tie on all sort values was on an earlier page.
                return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {score, created, tiebreak});
            }
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {created, tiebreak});
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "The cursor is not one this server issued; use nextCursor from the previous page.");
        }
    }

    /** Completions of {@code q}: people and readable spaces by name, words from readable documents. */
    @Transactional
    public SuggestionsView suggest(String q) {
        Actor actor = current.require();
        if (q == null || q.isBlank()) {
            return new SuggestionsView(List.of(), List.of(), List.of());
        }
        if (q.length() > MAX_SUGGESTION_INPUT) {
            throw ProblemException.invalid("q", "Suggestions complete at most " + MAX_SUGGESTION_INPUT
                    + " characters; this input has " + q.length() + ".");
        }
        String typed = q.strip();
        String lower = typed.toLowerCase(Locale.ROOT);
        Readable readable = readable(actor.id());
        List<PersonSummary> persons = people.withNamePrefix(typed.startsWith("@") ? typed.substring(1) : typed, SUGGESTIONS);
        List<SpaceSuggestion> spaceHits = readable.spaceNames().entrySet().stream()
                .filter(e -> startsWithWord(e.getValue().toLowerCase(Locale.ROOT), lower))
                .map(e -> new SpaceSuggestion(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT)))
                .limit(SUGGESTIONS).toList();
        String last = lastWord(q);
        List<String> completions = last == null ? List.of()
                : search(searcher -> words.suggest(searcher, last, readable.filter(), WORD_SUGGESTIONS));
        return new SuggestionsView(persons, spaceHits, completions);
    }

    private static boolean startsWithWord(String name, String prefix) {
        if (name.startsWith(prefix)) {
            return true;
        }
        for (int i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
            if (name.startsWith(prefix, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The word being typed: the last one, unless the input ends with a space; null if it is no word. */
    private static String lastWord(String q) {
        if (Character.isWhitespace(q.charAt(q.length() - 1))) {
            return null;
        }
        String word = q.substring(q.lastIndexOf(' ') + 1).replaceAll("^[-\"]+|\\*$", "");
        return word.length() >= 2 && word.chars().allMatch(Character::isLetterOrDigit) ? word : null;
    }

    /** Starts a rebuild from the features' tables; the index keeps serving meanwhile. */
    public RebuildView rebuild() {
        Actor actor = current.requireAdministrator();
        indexer.requestRebuild("requested by " + actor.username());
        return rebuildProgress();
    }

    public RebuildView rebuildProgress() {
        current.requireAdministrator();
        SearchIndexer.Progress p = indexer.progress();
        return new RebuildView(p.state(), p.done(), p.total(), p.startedAt(), p.finishedAt(), p.reason(), p.position());
    }

    private SearchQuery parse(String q) {
        try {
            return SearchQuery.parse(q, config.maxQueryLength());
        } catch (InvalidQueryException e) {
            throw invalid(e);
        }
    }

    private static ProblemException invalid(InvalidQueryException e) {
        return new ProblemException(400, INVALID_QUERY, "Invalid search query", e.detail(),
                List.of(new ProblemException.FieldError("q", e.detail())), Map.of());
    }

    private Scope scope(Readable readable) {
        return new Scope() {
            @Override
            public Optional<UUID> readableSpaceNamed(String name) {
                return readable.spaceNames().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(name))
                        .map(Map.Entry::getKey).findFirst();
            }

            @Override
            public Optional<UUID> personNamed(String username) {
                return people.findByUsername(username).map(PersonSummary::id);
            }
        };
    }

    private <T> T search(SearchIndex.SearcherWork<T> work) {
        indexer.beforeSearch();
        SearchIndex index = indexer.index();
        if (index == null) {
            throw new ProblemException(503, SEARCH_UNAVAILABLE, "Search unavailable",
                    "The search index is being opened; try again in a few seconds.", List.of(), Map.of("Retry-After", "5"));
        }
        try {
            return index.search(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
