package de.querfunk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.postgresql.PGConnection;

import de.querfunk.search.DocumentKind;
import de.querfunk.search.IndexChange;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.index.SearchIndex;
import de.querfunk.search.query.FacetCounts;
import de.querfunk.search.query.QueryCompiler;
import de.querfunk.search.query.Scope;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.Snippets;

/**
 * Search benchmark: generates seeded German and English chat messages from the seed texts in
 * bench/resources, indexes them with the server's own index code (analysis, document layout,
 * NRT refresh per batch) and measures the indexing rate and the query latency with concurrent
 * searchers, each filtered to the spaces one person may read, exactly as the API does. Then it
 * loads the same rows into PostgreSQL with a german tsvector and a GIN index and measures the
 * same queries there, and compares how many messages each finds for a word that mostly occurs
 * inside German compounds. Writes docs/benchmarks.md. Run it with bench/search-benchmark.
 */
public final class SearchBenchmark {

    /** German compounds with the words they are made of: what "recall for compound queries" is measured on. */
    private static final Map<String, List<String>> COMPOUNDS = new LinkedHashMap<>();

    static {
        compound("Vertragskündigung", "vertrag", "kündigung");
        compound("Kündigungsbestätigung", "kündigung", "bestätigung");
        compound("Vertragskündigungsbestätigung", "vertrag", "kündigung", "bestätigung");
        compound("Kündigungsfrist", "kündigung", "frist");
        compound("Rückrufservice", "rückruf", "service");
        compound("Rückrufnummer", "rückruf", "nummer");
        compound("Kundenanfrage", "kunde", "anfrage");
        compound("Kundenanfragen", "kunde", "anfrage");
        compound("Rechnungskorrektur", "rechnung", "korrektur");
        compound("Rechnungsadresse", "rechnung", "adresse");
        compound("Adressänderung", "adresse", "änderung");
        compound("Passwortänderung", "passwort", "änderung");
        compound("Zahlungserinnerung", "zahlung", "erinnerung");
        compound("Tarifwechsel", "tarif", "wechsel");
        compound("Terminbestätigung", "termin", "bestätigung");
        compound("Auftragsbestätigung", "auftrag", "bestätigung");
        compound("Versandbestätigung", "versand", "bestätigung");
        compound("Kontonummer", "konto", "nummer");
        compound("Servicenummer", "service", "nummer");
        compound("Kundenkonto", "kunde", "konto");
        compound("Stornogebühr", "storno", "gebühr");
        compound("Paketversand", "paket", "versand");
        for (String word : List.of("Kündigung", "Bestätigung", "Anfrage", "Rückruf", "Rechnung", "Adresse", "Änderung",
                "Nummer", "Konto", "Versand", "Vertrag", "Gebühr")) {
            compound(word, word.toLowerCase(Locale.GERMAN));
        }
    }

    /** The words whose recall is measured; each one occurs alone and inside compounds. */
    private static final List<String> RECALL_WORDS = List.of("Kündigung", "Bestätigung", "Anfrage", "Rückruf", "Rechnung",
            "Adresse", "Änderung", "Nummer", "Konto", "Versand", "Vertrag", "Gebühr");

    private static void compound(String word, String... parts) {
        COMPOUNDS.put(word, List.of(parts));
    }

    record Message(UUID id, int space, UUID author, Instant createdAt, String text, Set<String> concepts) {
    }

    /** A query in the API's syntax and the same query for PostgreSQL; {@code pgPrefix} for prefix queries. */
    record BenchQuery(String kind, String api, String pg, boolean pgPrefix, Integer onlySpace) {
    }

    record Settings(int messages, int spaces, int readable, int searchers, int queriesPerSearcher, int warmup, long seed,
            String jdbcUrl, String user, String password, Path out, Path indexDir) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Settings s = new Settings(Integer.parseInt(a.getOrDefault("messages", "100000")),
                Integer.parseInt(a.getOrDefault("spaces", "200")), Integer.parseInt(a.getOrDefault("readable", "50")),
                Integer.parseInt(a.getOrDefault("searchers", "4")), Integer.parseInt(a.getOrDefault("queries", "1000")),
                Integer.parseInt(a.getOrDefault("warmup", "300")),
                Long.parseLong(a.getOrDefault("seed", "42")),
                a.getOrDefault("jdbc", env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/querfunk_bench")),
                a.getOrDefault("user", env("BENCH_DB_USER", "postgres")),
                a.getOrDefault("password", env("BENCH_DB_PASSWORD", "")),
                Path.of(a.getOrDefault("out", "docs/benchmarks.md")), Path.of("target/bench-index"));
        new SearchBenchmark(s, ("bench/search-benchmark " + String.join(" ", args)).strip()).run();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private final Settings settings;
    private final String command;
    private final Random random;
    private final List<UUID> spaceIds = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private String loadBefore;

    SearchBenchmark(Settings settings, String command) {
        this.settings = settings;
        this.command = command;
        this.random = new Random(settings.seed());
        for (int i = 0; i < settings.spaces(); i++) {
            spaceIds.add(new UUID(random.nextLong(), random.nextLong()));
        }
    }

    void run() throws Exception {
        loadBefore = loadAverage();
        log("generating %,d messages (seed %d)", settings.messages(), settings.seed());
        List<String> german = words("kundenservice-de.txt");
        List<String> english = words("customer-service-en.txt");
        List<String> bigrams = bigrams("kundenservice-de.txt");
        List<Message> messages = generate(german, english);
        List<BenchQuery> queries = queries(german, bigrams);
        Set<UUID> readable = new HashSet<>(spaceIds.subList(0, settings.readable()));

        Map<String, String> lucene = new LinkedHashMap<>();
        Map<String, String> postgres = new LinkedHashMap<>();
        SearchAnalyzers analyzers = SearchAnalyzers.load();
        deleteRecursively(settings.indexDir());
        deleteRecursively(settings.indexDir().resolveSibling(settings.indexDir().getFileName() + ".damaged"));
        try (SearchIndex index = SearchIndex.open(settings.indexDir(), analyzers, Language.GERMAN)) {
            indexAll(index, messages, lucene);
            Latency l = luceneLatency(index, analyzers, queries, readable, true);
            lucene.putAll(l.summary());
            Latency bare = luceneLatency(index, analyzers, queries, readable, false);
            Map<String, String> luceneBare = bare.summary();
            Map<String, long[]> luceneRecall = luceneRecall(index, analyzers, messages);
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
                String pgVersion = load(c, messages, postgres);
                Latency p = pgLatency(queries, readable);
                postgres.putAll(p.summary());
                Map<String, long[]> pgRecall = pgRecall(c, messages);
                write(lucene, luceneBare, postgres, luceneRecall, pgRecall, queries, pgVersion, l, bare, p);
            }
        } finally {
            analyzers.close();
        }
        log("wrote %s", settings.out());
    }

    // --- generating ----------------------------------------------------------------------------

    private static List<String> words(String resource) throws IOException {
        List<String> words = new ArrayList<>();
        for (String paragraph : paragraphs(resource)) {
            for (String w : paragraph.split("[^\\p{L}\\p{N}-]+")) {
                if (w.length() >= 2 && !w.startsWith("-") && !w.endsWith("-")) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static List<String> bigrams(String resource) throws IOException {
        List<String> pairs = new ArrayList<>();
        for (String paragraph : paragraphs(resource)) {
            String[] w = paragraph.split("[^\\p{L}]+");
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i].length() > 3 && w[i + 1].length() > 3) {
                    pairs.add(w[i] + " " + w[i + 1]);
                }
            }
        }
        return pairs;
    }

    private static List<String> paragraphs(String resource) throws IOException {
        Path file = Path.of("bench/resources", resource);
        return Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).split("\\n\\s*\\n"))
                .map(String::strip).filter(p -> !p.isEmpty() && !p.startsWith("#")).toList();
    }

    private List<Message> generate(List<String> german, List<String> english) {
        List<String> compounds = new ArrayList<>(COMPOUNDS.keySet());
        List<UUID> authors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            authors.add(new UUID(random.nextLong(), random.nextLong()));
        }
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long year = 365L * 24 * 3600 * 1000;
        List<Message> messages = new ArrayList<>(settings.messages());
        for (int i = 0; i < settings.messages(); i++) {
            boolean isEnglish = random.nextDouble() < 0.2;
            List<String> vocabulary = isEnglish ? english : german;
            int length = 6 + random.nextInt(25);
            StringBuilder text = new StringBuilder();
            Set<String> concepts = new HashSet<>();
            int insertAt = !isEnglish && random.nextDouble() < 0.4 ? random.nextInt(length) : -1;
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                if (w == insertAt) {
                    String compound = compounds.get(random.nextInt(compounds.size()));
                    text.append(compound);
                    concepts.addAll(COMPOUNDS.get(compound));
                } else {
                    text.append(vocabulary.get(random.nextInt(vocabulary.size())));
                }
            }
            if (random.nextDouble() < 0.05) {
                text.append(" https://example.org/faq/").append(random.nextInt(1000));
            }
            messages.add(new Message(new UUID(random.nextLong(), random.nextLong()), random.nextInt(settings.spaces()),
                    authors.get(random.nextInt(authors.size())),
                    start.plusMillis((long) (random.nextDouble() * year)), text.toString(), concepts));
        }
        return messages;
    }

    private List<BenchQuery> queries(List<String> german, List<String> bigrams) {
        List<BenchQuery> q = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String w1 = plain(german);
            String w2 = plain(german);
            String concept = RECALL_WORDS.get(random.nextInt(RECALL_WORDS.size()));
            String phrase = bigrams.get(random.nextInt(bigrams.size()));
            String prefix = w1.length() >= 5 ? w1.substring(0, 4) : w1;
            int space = random.nextInt(settings.readable());
            switch (i % 7) {
                case 0 -> q.add(new BenchQuery("word", w1, w1, false, null));
                case 1 -> q.add(new BenchQuery("compound part", concept, concept, false, null));
                case 2 -> q.add(new BenchQuery("two words", w1 + " " + w2, w1 + " " + w2, false, null));
                case 3 -> q.add(new BenchQuery("phrase", "\"" + phrase + "\"", "\"" + phrase + "\"", false, null));
                case 4 -> q.add(new BenchQuery("prefix", prefix + "*", prefix, true, null));
                case 5 -> q.add(new BenchQuery("or", concept + " OR " + w1, concept + " or " + w1, false, null));
                default -> q.add(new BenchQuery("word in space", w1 + " in:" + spaceIds.get(space), w1, false, space));
            }
        }
        return q;
    }

    private String plain(List<String> vocabulary) {
        while (true) {
            String w = vocabulary.get(random.nextInt(vocabulary.size()));
            if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                return w;
            }
        }
    }

    // --- Lucene --------------------------------------------------------------------------------

    private void indexAll(SearchIndex index, List<Message> messages, Map<String, String> out) throws IOException {
        log("Lucene: indexing");
        int batch = 500;
        long t0 = System.nanoTime();
        for (int from = 0; from < messages.size(); from += batch) {
            List<IndexChange> changes = new ArrayList<>(batch);
            for (Message m : messages.subList(from, Math.min(messages.size(), from + batch))) {
                changes.add(new IndexChange.Upsert(document(m)));
            }
            index.apply(changes);
            index.refresh();
        }
        index.commit(Map.of("querfunk.position", "0"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.put("load", String.format(Locale.ROOT, "%.1f s (%,.0f messages/s), refresh after every %d", seconds,
                messages.size() / seconds, batch));
        out.put("size", mb(directorySize(settings.indexDir())));
        log("Lucene: %,d messages in %.1f s (%,.0f/s)", messages.size(), seconds, messages.size() / seconds);
    }

    private SearchDocument document(Message m) {
        boolean link = m.text().contains("https://");
        return new SearchDocument(DocumentKind.MESSAGE, m.id(), SearchDocument.SPACE_KEY + spaceIds.get(m.space()),
                UUID.nameUUIDFromBytes(("channel" + m.space()).getBytes(StandardCharsets.UTF_8)), m.author(),
                m.createdAt(), m.text(), null, link, false, false);
    }

    private static final Scope NO_NAMES = new Scope() {
        @Override
        public Optional<UUID> readableSpaceNamed(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> personNamed(String username) {
            return Optional.empty();
        }
    };

    private Latency luceneLatency(SearchIndex index, SearchAnalyzers analyzers, List<BenchQuery> queries,
            Set<UUID> readable, boolean withSnippets) throws Exception {
        log("Lucene%s: %d searchers x %d queries", withSnippets ? "" : " without snippets", settings.searchers(),
                settings.queriesPerSearcher());
        QueryCompiler compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
        Snippets snippets = new Snippets(analyzers.indexAnalyzer(), 200);
        List<BytesRef> keys = readable.stream().map(id -> new BytesRef(SearchDocument.SPACE_KEY + id)).toList();
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.CREATED, SortField.Type.LONG, true),
                new SortField(IndexFields.KEY, SortField.Type.STRING));
        return measure(queries, q -> {
            Query text = compiler.compile(SearchQuery.parse(q.api(), 500), NO_NAMES);
            Query query = new BooleanQuery.Builder().add(text, Occur.MUST)
                    .add(new TermInSetQuery(IndexFields.ACCESS, keys), Occur.FILTER).build();
            Snippets.Matches matches = Snippets.matches(text);
            return index.search(searcher -> {
                Object[] r = searcher.search(query, new MultiCollectorManager(
                        new TopFieldCollectorManager(sort, 21, null, 21), new FacetCounts()));
                TopFieldDocs top = (TopFieldDocs) r[0];
                for (int i = 0; withSnippets && i < Math.min(20, top.scoreDocs.length); i++) {
                    ScoreDoc hit = top.scoreDocs[i];
                    Document d = searcher.storedFields().document(hit.doc);
                    snippets.snippet(matches, d.get(IndexFields.TEXT),
                            "en".equals(d.get(IndexFields.LANGUAGE)) ? IndexFields.TEXT_EN : IndexFields.TEXT_DE);
                }
                return ((FacetCounts.Result) r[1]).total();
            });
        }, () -> null);
    }

    private Map<String, long[]> luceneRecall(SearchIndex index, SearchAnalyzers analyzers, List<Message> messages)
            throws IOException {
        QueryCompiler compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
        Map<UUID, Message> byId = new HashMap<>();
        messages.forEach(m -> byId.put(m.id(), m));
        Map<String, long[]> result = new LinkedHashMap<>();
        for (String word : RECALL_WORDS) {
            Query q = compiler.compile(SearchQuery.parse(word, 500), NO_NAMES);
            Set<UUID> found = index.search(searcher -> {
                List<Integer> docs = new ArrayList<>();
                searcher.search(q, new org.apache.lucene.search.CollectorManager<
                        org.apache.lucene.search.SimpleCollector, Void>() {
                    @Override
                    public org.apache.lucene.search.SimpleCollector newCollector() {
                        return new org.apache.lucene.search.SimpleCollector() {
                            private int base;

                            @Override
                            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                                base = context.docBase;
                            }

                            @Override
                            public void collect(int doc) {
                                docs.add(base + doc);
                            }

                            @Override
                            public org.apache.lucene.search.ScoreMode scoreMode() {
                                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
                            }
                        };
                    }

                    @Override
                    public Void reduce(java.util.Collection<org.apache.lucene.search.SimpleCollector> collectors) {
                        return null;
                    }
                });
                Set<UUID> ids = new HashSet<>();
                for (int doc : docs) {
                    String key = searcher.storedFields().document(doc).get(IndexFields.KEY);
                    ids.add(UUID.fromString(key.substring(key.indexOf(':') + 1)));
                }
                return ids;
            });
            result.put(word, recall(word, found, messages));
        }
        return result;
    }

    /**
     * {relevant, relevant found, found} for a word. Relevant are the messages the generator gave a
     * compound made with the word (which may drop a letter, as "Adressänderung" does) and those
     * whose text contains the word anywhere in a word ("Kundenanfragen" in the seed texts).
     */
    private static long[] recall(String word, Set<UUID> found, List<Message> messages) {
        String concept = word.toLowerCase(Locale.GERMAN);
        long relevant = 0;
        long hit = 0;
        for (Message m : messages) {
            if (m.concepts().contains(concept) || m.text().toLowerCase(Locale.GERMAN).contains(concept)) {
                relevant++;
                if (found.contains(m.id())) {
                    hit++;
                }
            }
        }
        return new long[] {relevant, hit, found.size()};
    }

    // --- PostgreSQL ----------------------------------------------------------------------------

    private String load(Connection c, List<Message> messages, Map<String, String> out) throws Exception {
        log("PostgreSQL: loading");
        String version;
        try (Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SHOW server_version");
            rs.next();
            version = rs.getString(1);
            st.execute("DROP TABLE IF EXISTS bench_message");
            st.execute("""
                    CREATE TABLE bench_message (
                        id uuid PRIMARY KEY, space_id uuid NOT NULL, author_id uuid NOT NULL,
                        created_at timestamptz NOT NULL, body text NOT NULL,
                        tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED)""");
        }
        StringBuilder csv = new StringBuilder();
        long t0 = System.nanoTime();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (int from = 0; from < messages.size(); from += 10_000) {
            csv.setLength(0);
            for (Message m : messages.subList(from, Math.min(messages.size(), from + 10_000))) {
                csv.append(m.id()).append('\t').append(spaceIds.get(m.space())).append('\t').append(m.author())
                        .append('\t').append(m.createdAt()).append('\t').append(m.text().replace("\\", "\\\\")).append('\n');
            }
            copy.copyIn("COPY bench_message (id, space_id, author_id, created_at, body) FROM STDIN",
                    new StringReader(csv.toString()));
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX bench_message_tsv ON bench_message USING gin (tsv)");
            st.execute("CREATE INDEX bench_message_space ON bench_message (space_id)");
            st.execute("ANALYZE bench_message");
        }
        double indexSeconds = (System.nanoTime() - t1) / 1e9;
        double total = copySeconds + indexSeconds;
        out.put("load", String.format(Locale.ROOT, "%.1f s (%,.0f messages/s): COPY with to_tsvector %.1f s, GIN index %.1f s",
                total, messages.size() / total, copySeconds, indexSeconds));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('bench_message'), "
                        + "pg_relation_size('bench_message_tsv')")) {
            rs.next();
            out.put("size", mb(rs.getLong(1)) + " (GIN index " + mb(rs.getLong(2)) + ")");
        }
        log("PostgreSQL: loaded in %.1f s", total);
        return version;
    }

    private Latency pgLatency(List<BenchQuery> queries, Set<UUID> readable) throws Exception {
        log("PostgreSQL: %d searchers x %d queries", settings.searchers(), settings.queriesPerSearcher());
        UUID[] readableIds = readable.toArray(UUID[]::new);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        return measure(queries, q -> {
            Connection c = connections.get();
            if (!opened.contains(c)) {
                opened.add(c);
            }
            String tsquery = q.pgPrefix() ? "to_tsquery('german', ? || ':*')" : "websearch_to_tsquery('german', ?)";
            Array spaces = c.createArrayOf("uuid", q.onlySpace() != null
                    ? new Object[] {spaceIds.get(q.onlySpace())} : readableIds);
            try (PreparedStatement top = c.prepareStatement("SELECT id, body, ts_rank_cd(tsv, q) AS r FROM bench_message, "
                    + tsquery + " q WHERE tsv @@ q AND space_id = ANY(?) ORDER BY r DESC, created_at DESC LIMIT 20");
                    PreparedStatement facets = c.prepareStatement("SELECT space_id, count(*) FROM bench_message WHERE tsv @@ "
                            + tsquery + " AND space_id = ANY(?) GROUP BY space_id")) {
                top.setString(1, q.pg());
                top.setArray(2, spaces);
                try (ResultSet rs = top.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
                facets.setString(1, q.pg());
                facets.setArray(2, spaces);
                long total = 0;
                try (ResultSet rs = facets.executeQuery()) {
                    while (rs.next()) {
                        total += rs.getLong(2);
                    }
                }
                return total;
            }
        }, () -> {
            for (Connection c : opened) {
                c.close();
            }
            return null;
        });
    }

    private Map<String, long[]> pgRecall(Connection c, List<Message> messages) throws SQLException {
        Map<String, long[]> result = new LinkedHashMap<>();
        for (String word : RECALL_WORDS) {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id FROM bench_message WHERE tsv @@ websearch_to_tsquery('german', ?)")) {
                st.setString(1, word);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            result.put(word, recall(word, found, messages));
        }
        return result;
    }

    // --- measuring -----------------------------------------------------------------------------

    @FunctionalInterface
    interface Search {
        long run(BenchQuery q) throws Exception;
    }

    record Latency(long[] nanos, double seconds, Map<String, long[]> byKind) {
        Map<String, String> summary() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("p50", ms(percentile(nanos, 50)));
            m.put("p95", ms(percentile(nanos, 95)));
            m.put("p99", ms(percentile(nanos, 99)));
            m.put("throughput", String.format(Locale.ROOT, "%,.0f queries/s", nanos.length / seconds));
            return m;
        }
    }

    private Latency measure(List<BenchQuery> queries, Search search, Callable<Void> cleanup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.searchers());
        try {
            // Warm-up: the JIT, caches and connections, not measured.
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < settings.searchers(); t++) {
                int offset = t;
                warm.add(pool.submit(() -> {
                    for (int i = 0; i < settings.warmup(); i++) {
                        search.run(queries.get((offset * 31 + i) % queries.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            List<Future<long[][]>> runs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < settings.searchers(); t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    long[][] r = new long[settings.queriesPerSearcher()][2];
                    for (int i = 0; i < r.length; i++) {
                        int qi = (offset * 17 + i) % queries.size();
                        long s = System.nanoTime();
                        search.run(queries.get(qi));
                        r[i][0] = System.nanoTime() - s;
                        r[i][1] = qi;
                    }
                    return r;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[][]> f : runs) {
                all.addAll(Arrays.asList(f.get()));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] nanos = all.stream().mapToLong(r -> r[0]).sorted().toArray();
            Map<String, List<Long>> kinds = new LinkedHashMap<>();
            for (long[] r : all) {
                kinds.computeIfAbsent(queries.get((int) r[1]).kind(), k -> new ArrayList<>()).add(r[0]);
            }
            Map<String, long[]> byKind = new LinkedHashMap<>();
            kinds.forEach((k, v) -> byKind.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
            return new Latency(nanos, seconds, byKind);
        } finally {
            pool.submit(cleanup).get();
            pool.shutdown();
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    // --- the report ----------------------------------------------------------------------------

    private void write(Map<String, String> lucene, Map<String, String> luceneBare, Map<String, String> postgres,
            Map<String, long[]> luceneRecall, Map<String, long[]> pgRecall, List<BenchQuery> queries, String pgVersion,
            Latency l, Latency bare, Latency p)
            throws IOException {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
        report.append("# Benchmarks\n\n");
        report.append("Generated by `").append(command).append("` (see README, \"Benchmarks\") on ").append(date)
                .append(". Numbers from one run on the machine below; rerun the command to compare on yours.\n\n");
        report.append("## Machine\n\n");
        report.append("| | |\n| --- | --- |\n");
        report.append("| CPU | ").append(cpu()).append(" |\n");
        report.append("| cores available to the JVM | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        report.append("| memory | ").append(memory()).append(" |\n");
        report.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        report.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(mb(Runtime.getRuntime().maxMemory())).append(" |\n");
        report.append("| Lucene | ").append(org.apache.lucene.util.Version.LATEST).append(" |\n");
        report.append("| PostgreSQL | ").append(pgVersion).append(", on the same machine, default settings |\n");
        report.append("| load average (1, 5, 15 min) at start and end | ").append(loadBefore).append(" / ")
                .append(loadAverage()).append(" |\n\n");

        report.append("## Search: Lucene index against PostgreSQL full-text search\n\n");
        report.append(String.format(Locale.ROOT,
                "%,d generated chat messages (seed %d): 80 %% German, 20 %% English, 6 to 30 words drawn from the seed "
                        + "texts in `bench/resources`, 40 %% of the German ones with one of %d customer-service words, most "
                        + "of them compounds (`Vertragskündigungsbestätigung`, `Rückrufservice`, `Kundenanfragen`), 5 %% with "
                        + "a link; spread over %d spaces and one year. Each query is limited to the %d spaces one person may "
                        + "read, as the API does. %d concurrent searchers, %d queries each after %d unmeasured warm-up "
                        + "queries each, cycling through %d queries of seven kinds (one word, a compound part, two words, a "
                        + "phrase, a prefix, an OR, a word in one space).\n\n",
                settings.messages(), settings.seed(), COMPOUNDS.size(), settings.spaces(), settings.readable(),
                settings.searchers(), settings.queriesPerSearcher(), settings.warmup(), queries.size()));
        report.append("- **Lucene**: the server's own code: `SearchIndex` with the German/English/exact analysis and "
                + "compound splitting, a searcher refresh after every 500 messages (as after each event batch); a query is "
                + "what `GET /api/v1/search` runs without HTTP and database: parse, compile, permission filter, top 20 by "
                + "relevance, facet counts over all matches, and a highlighted snippet for each of the 20.\n");
        report.append("- **PostgreSQL**: `tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED`, a GIN index "
                + "on it and a B-tree on the space; a query is `websearch_to_tsquery('german', …)` (`to_tsquery('german', "
                + "'…:*')` for prefixes) with `space_id = ANY(…)`, top 20 by `ts_rank_cd` and a `GROUP BY space_id` count "
                + "for the facets; no snippets (`ts_headline` would add to it).\n\n");
        report.append("| | Lucene (Querfunk) | Lucene without snippets | PostgreSQL FTS |\n| --- | --- | --- | --- |\n");
        for (String key : List.of("load", "size", "p50", "p95", "p99", "throughput")) {
            report.append("| ").append(label(key)).append(" | ").append(lucene.get(key)).append(" | ")
                    .append(luceneBare.getOrDefault(key, "(same index)")).append(" | ")
                    .append(postgres.get(key)).append(" |\n");
        }
        report.append("\nLatency by kind of query (p50 / p95 / p99):\n\n");
        report.append("| kind | Lucene | Lucene without snippets | PostgreSQL |\n| --- | --- | --- | --- |\n");
        for (String kind : l.byKind().keySet()) {
            report.append("| ").append(kind).append(" | ").append(triple(l.byKind().get(kind))).append(" | ")
                    .append(triple(bare.byKind().get(kind))).append(" | ")
                    .append(triple(p.byKind().get(kind))).append(" |\n");
        }
        report.append("\n### Recall for words inside German compounds\n\n");
        report.append("Relevant: messages containing the word alone or as part of a compound (known from the generator). "
                + "Both searched without a space filter; \"found\" counts every match.\n\n");
        report.append("| query | relevant | Lucene: recall (found) | PostgreSQL: recall (found) |\n| --- | --- | --- | --- |\n");
        long relevantAll = 0;
        long luceneHits = 0;
        long pgHits = 0;
        for (String word : RECALL_WORDS) {
            long[] lr = luceneRecall.get(word);
            long[] pr = pgRecall.get(word);
            relevantAll += lr[0];
            luceneHits += lr[1];
            pgHits += pr[1];
            report.append("| ").append(word).append(" | ").append(String.format(Locale.ROOT, "%,d", lr[0])).append(" | ")
                    .append(percent(lr[1], lr[0])).append(String.format(Locale.ROOT, " (%,d)", lr[2])).append(" | ")
                    .append(percent(pr[1], pr[0])).append(String.format(Locale.ROOT, " (%,d)", pr[2])).append(" |\n");
        }
        report.append("| **all** | ").append(String.format(Locale.ROOT, "%,d", relevantAll)).append(" | **")
                .append(percent(luceneHits, relevantAll)).append("** | **").append(percent(pgHits, relevantAll))
                .append("** |\n\n");
        report.append("Found can exceed relevant where stemming matches related forms.\n\n");
        report.append("""
                ### Reading these numbers

                - The machine is shared: the load average above counts other processes competing for its cores during
                  the run, so absolute latencies are pessimistic and vary between runs. Compare the columns of one run.
                - "Lucene without snippets" is the search itself; the difference to the first column is the cost of
                  analysing the 20 shown texts again to mark the matches. PostgreSQL shows no snippets at all.
                - Every query counts all its matches per space for the facets, so frequent words cost more than rare
                  ones in both systems, and the cost grows with the number of messages.
                - PostgreSQL's `german` configuration stems a compound as one word: `Kündigung` does not find
                  `Vertragskündigung`. Querfunk splits compounds at index time (docs/search-analysis.md).
                - Querfunk's misses: a compound whose first part drops its final e (`Adressänderung` for `Adresse`) is
                  not split, because the splitter removes linking elements but does not restore an elided e; and a
                  German message that language detection takes for English is indexed without compound splitting.
                - Measured in-process: `GET /api/v1/search` adds HTTP, authentication and two PostgreSQL lookups per
                  request (readable spaces and conversations). Indexing here is the index's own rate, with a refresh
                  after every 500 messages as after each event batch; in the server, messages reach it through the
                  event log.
                """);
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), report.toString(), StandardCharsets.UTF_8);
    }

    private static String label(String key) {
        return switch (key) {
            case "load" -> "indexing";
            case "size" -> "size on disk";
            case "p50" -> "query latency p50";
            case "p95" -> "query latency p95";
            case "p99" -> "query latency p99";
            default -> key;
        };
    }

    private static String triple(long[] sorted) {
        return sorted == null ? "" : ms(percentile(sorted, 50)) + " / " + ms(percentile(sorted, 95)) + " / "
                + ms(percentile(sorted, 99));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /** Other work on the machine skews every number here; the report says how busy it was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> mb(Long.parseLong(l.replaceAll("\\D", "")) * 1024)).orElse("unknown");
        } catch (IOException e) {
            long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            return mb(total);
        }
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
