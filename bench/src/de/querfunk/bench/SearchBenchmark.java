package de.querfunk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
import de.querfunk.search.query.ResultPages;
import de.querfunk.search.query.Scope;
import de.querfunk.search.query.SearchQuery;
import de.querfunk.search.query.Snippets;
import de.querfunk.search.query.TermSuggestions;

/**
 * Search benchmark: generates seeded German and English chat messages from the seed texts in
 * bench/resources, posted by people in space channels and in direct and group conversations, and
 * indexes them with the server's own index code (analysis, document layout, NRT refresh per
 * batch). Then it measures query latency while new messages keep arriving: concurrent searchers on
 * a fixed schedule, each query as a random person with exactly that person's access keys as the
 * permission filter, as the API does, latency counted from the scheduled start; and how long a new
 * message takes until a search finds it. It does the same with PostgreSQL full-text search (a
 * german tsvector with a GIN index) on the same rows, compares how many messages each finds for a
 * word that mostly occurs inside German compounds, and writes its part of docs/benchmarks.md. Run
 * it with bench/search-benchmark.
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

    private static final List<String> COMPOUND_WORDS = List.copyOf(COMPOUNDS.keySet());

    private static void compound(String word, String... parts) {
        COMPOUNDS.put(word, List.of(parts));
    }

    /** Share of the messages posted in space channels; the rest go to direct and group conversations. */
    private static final double IN_SPACES = 0.8;
    /** Closed spaces a person belongs to: from this many ... */
    private static final int MIN_CLOSED = 5;
    /** ... to this many. */
    private static final int MAX_CLOSED = 50;
    private static final double DIRECT = 0.6;
    private static final int MAX_GROUP = 20;
    /** The server's default batch (querfunk.search.batch-size): events applied before one refresh. */
    private static final int MAX_BATCH = 500;
    /** The server's default querfunk.search.commit-interval. */
    private static final long COMMIT_INTERVAL = 5_000_000_000L;
    /** The server's querfunk.search.refresh-interval: changes wait at most this long for a refresh. */
    private static final long REFRESH_INTERVAL = 200_000_000L;
    private static final int HITS = 20;
    private static final int MAX_QUERY_LENGTH = 500;

    /**
     * Where messages are posted: a space's channel (access key {@code space:<id>}) or a direct or
     * group conversation ({@code conversation:<id>}, no space). {@code members} are indexes into
     * the people; empty for an open space, where anyone may post.
     */
    record Conversation(UUID id, UUID spaceId, String accessKey, List<Integer> members) {
    }

    /** Someone who searches: what they may read, as access keys, and the spaces among them for filtered queries. */
    record Person(UUID id, List<BytesRef> keys, String[] accessKeys, List<UUID> spaces, int[] conversations) {
    }

    record Message(UUID id, Conversation conversation, UUID author, Instant createdAt, String text, Set<String> concepts) {
    }

    /** A query in the API's syntax and the same query for PostgreSQL; {@code pgPrefix} for prefix queries. */
    record QueryTemplate(String kind, String api, String pg, boolean pgPrefix, boolean inSpace) {
    }

    /** One query as a searcher runs it: a template, the person running it and, for the filtered kind, one of their spaces. */
    record Planned(QueryTemplate template, Person person, UUID space) {
        String api() {
            return space == null ? template.api() : template.api() + " in:" + space;
        }
    }

    record Settings(int messages, int people, int spaces, int openSpaces, int conversations, int searchers,
            int intervalMs, int arrivalRate, int warmupSeconds, int durationSeconds, int rounds, boolean withoutSnippets,
            long seed, String jdbcUrl, String user, String password, Path out, Path indexDir) {

        double queryRate() {
            return searchers * 1000.0 / intervalMs;
        }

        /** Messages each phase may need: the writer's schedule over warm-up and measurement, and a second to spare. */
        int arrivalsPerPhase() {
            return arrivalRate * (warmupSeconds + durationSeconds + 1);
        }

        /** The unrecorded start of every phase after the first: the schedule settles, JIT and merges already have. */
        int laterWarmupSeconds() {
            return Math.min(warmupSeconds, 10);
        }

        /** Lucene phases in all: each round measures each column once. */
        int lucenePhases() {
            return rounds * (withoutSnippets ? 2 : 1);
        }
    }

    private static final Set<String> OPTIONS = Set.of("messages", "people", "spaces", "open-spaces", "conversations",
            "searchers", "interval-ms", "arrival-rate", "warmup", "duration", "rounds", "without-snippets", "seed", "jdbc", "user",
            "password", "out");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!args[i].startsWith("--") || !OPTIONS.contains(name) || i + 1 >= args.length) {
                System.err.println("Options, each with a value: --" + String.join(", --", OPTIONS.stream().sorted().toList())
                        + "; not " + args[i]);
                System.exit(2);
            }
            a.put(name, args[i + 1]);
        }
        Settings s = new Settings(integer(a, "messages", 1_000_000), integer(a, "people", 10_000),
                integer(a, "spaces", 300), integer(a, "open-spaces", 25), integer(a, "conversations", 1_000),
                integer(a, "searchers", 10), integer(a, "interval-ms", 100), integer(a, "arrival-rate", 200),
                integer(a, "warmup", 60), integer(a, "duration", 40), integer(a, "rounds", 3),
                Boolean.parseBoolean(a.getOrDefault("without-snippets", "true")),
                Long.parseLong(a.getOrDefault("seed", "42")),
                a.getOrDefault("jdbc", env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/querfunk_bench")),
                a.getOrDefault("user", env("BENCH_DB_USER", "postgres")),
                a.getOrDefault("password", env("BENCH_DB_PASSWORD", "")),
                Path.of(a.getOrDefault("out", "docs/benchmarks.md")), Path.of("target/bench-index"));
        if (s.openSpaces() > s.spaces() || s.conversations() < s.spaces() || s.searchers() < 1 || s.intervalMs() < 1
                || s.durationSeconds() < 1 || s.rounds() < 1 || s.people() < 2) {
            System.err.println("Needs open-spaces <= spaces <= conversations, at least one searcher, an interval, a "
                    + "duration and rounds of at least 1, and two people");
            System.exit(2);
        }
        new SearchBenchmark(s, ("bench/search-benchmark " + String.join(" ", args)).strip()).run();
    }

    private static int integer(Map<String, String> a, String name, int fallback) {
        return Integer.parseInt(a.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private final Settings settings;
    private final String command;
    private final Random random;
    private final List<Conversation> conversations = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private String suggestions = "not measured";
    private final StringBuilder report = new StringBuilder();
    private String loadBefore;
    private QueryCompiler compiler;
    private ResultPages withSnippetPages;
    private ResultPages withoutSnippetPages;

    SearchBenchmark(Settings settings, String command) {
        this.settings = settings;
        this.command = command;
        this.random = new Random(settings.seed());
    }

    /** What one system measured; {@code bare} only for Lucene, when asked for. */
    record Side(Map<String, String> load, Map<String, long[]> recall, Phase phase, Phase bare) {
    }

    void run() throws Exception {
        loadBefore = loadAverage();
        log("generating %,d people, %,d conversations and %,d messages (seed %d)", settings.people(),
                settings.conversations(), settings.messages(), settings.seed());
        List<String> german = words("kundenservice-de.txt");
        List<String> english = words("customer-service-en.txt");
        List<String> bigrams = bigrams("kundenservice-de.txt");
        world();
        List<Message> messages = new ArrayList<>(settings.messages());
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long year = 365L * 24 * 3600 * 1000;
        for (int i = 0; i < settings.messages(); i++) {
            messages.add(message(german, english, start.plusMillis((long) (random.nextDouble() * year))));
        }
        // New messages in the phases, a fresh set for each Lucene phase; PostgreSQL gets the first Lucene phase's.
        int perPhase = settings.arrivalsPerPhase();
        List<Message> arriving = new ArrayList<>();
        Instant later = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < perPhase * settings.lucenePhases(); i++) {
            arriving.add(message(german, english, later.plusNanos(i * (1_000_000_000L / Math.max(1, settings.arrivalRate())))));
        }
        List<QueryTemplate> templates = templates(german, bigrams);

        Side lucene = lucene(messages, templates, arriving, perPhase);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            Map<String, String> load = new LinkedHashMap<>();
            String pgVersion = load(c, messages, load);
            Map<String, long[]> recall = pgRecall(c, messages);
            Phase phase = pgPhase(templates, arriving.subList(0, perPhase));
            writeReport(messages, lucene, new Side(load, recall, phase, null), templates, pgVersion);
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

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /**
     * People, spaces and conversations. The first spaces are open (everyone may read them); each
     * person belongs to some of the closed ones and takes part in the direct and group
     * conversations they were drawn for. What a person may read is what {@code SearchService}
     * would find for them: their readable spaces and their own conversations.
     */
    private void world() {
        int n = settings.people();
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(uuid());
        }
        List<List<Integer>> readable = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<Integer> own = new ArrayList<>();
            for (int s = 0; s < settings.openSpaces(); s++) {
                own.add(s);
            }
            readable.add(own);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int s = 0; s < settings.spaces(); s++) {
            members.add(new ArrayList<>());
        }
        int closed = settings.spaces() - settings.openSpaces();
        for (int p = 0; p < n && closed > 0; p++) {
            int k = Math.min(closed, MIN_CLOSED + random.nextInt(MAX_CLOSED - MIN_CLOSED + 1));
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < k) {
                chosen.add(settings.openSpaces() + random.nextInt(closed));
            }
            for (int s : chosen) {
                members.get(s).add(p);
                readable.get(p).add(s);
            }
        }
        for (int s = 0; s < settings.spaces(); s++) {
            UUID space = uuid();
            UUID channel = uuid();
            conversations.add(new Conversation(channel, space, SearchDocument.SPACE_KEY + space, List.copyOf(members.get(s))));
        }
        for (int i = settings.spaces(); i < settings.conversations(); i++) {
            int size = Math.min(n, random.nextDouble() < DIRECT ? 2 : 3 + random.nextInt(MAX_GROUP - 2));
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < size) {
                chosen.add(random.nextInt(n));
            }
            UUID id = uuid();
            conversations.add(new Conversation(id, null, SearchDocument.CONVERSATION_KEY + id, List.copyOf(chosen)));
            for (int p : chosen) {
                readable.get(p).add(i);
            }
        }
        for (int p = 0; p < n; p++) {
            List<Integer> own = readable.get(p);
            List<BytesRef> keys = new ArrayList<>(own.size());
            String[] accessKeys = new String[own.size()];
            List<UUID> spaces = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                Conversation c = conversations.get(own.get(i));
                keys.add(new BytesRef(c.accessKey()));
                accessKeys[i] = c.accessKey();
                if (c.spaceId() != null) {
                    spaces.add(c.spaceId());
                }
            }
            people.add(new Person(ids.get(p), List.copyOf(keys), accessKeys, List.copyOf(spaces),
                    own.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    private Message message(List<String> german, List<String> english, Instant createdAt) {
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
                String compound = COMPOUND_WORDS.get(random.nextInt(COMPOUND_WORDS.size()));
                text.append(compound);
                concepts.addAll(COMPOUNDS.get(compound));
            } else {
                text.append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
        }
        if (random.nextDouble() < 0.05) {
            text.append(" https://example.org/faq/").append(random.nextInt(1000));
        }
        int others = settings.conversations() - settings.spaces();
        Conversation c = others == 0 || random.nextDouble() < IN_SPACES
                ? conversations.get(random.nextInt(settings.spaces()))
                : conversations.get(settings.spaces() + random.nextInt(others));
        // Anyone may post in an open space; elsewhere only members do.
        int author = c.members().isEmpty() ? random.nextInt(people.size()) : c.members().get(random.nextInt(c.members().size()));
        return new Message(uuid(), c, people.get(author).id(), createdAt, text.toString(), concepts);
    }

    private List<QueryTemplate> templates(List<String> german, List<String> bigrams) {
        List<QueryTemplate> q = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String w1 = plain(german);
            String w2 = plain(german);
            String concept = RECALL_WORDS.get(random.nextInt(RECALL_WORDS.size()));
            String phrase = bigrams.get(random.nextInt(bigrams.size()));
            String prefix = w1.length() >= 5 ? w1.substring(0, 4) : w1;
            switch (i % 7) {
                case 0 -> q.add(new QueryTemplate("word", w1, w1, false, false));
                case 1 -> q.add(new QueryTemplate("compound part", concept, concept, false, false));
                case 2 -> q.add(new QueryTemplate("two words", w1 + " " + w2, w1 + " " + w2, false, false));
                case 3 -> q.add(new QueryTemplate("phrase", "\"" + phrase + "\"", "\"" + phrase + "\"", false, false));
                case 4 -> q.add(new QueryTemplate("prefix", prefix + "*", prefix, true, false));
                case 5 -> q.add(new QueryTemplate("or", concept + " OR " + w1, concept + " or " + w1, false, false));
                default -> q.add(new QueryTemplate("word in one space", w1, w1, false, true));
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

    /** The next query of a searcher: the same sequence in every phase, since each searcher's generator starts alike. */
    private Planned plan(Random r, List<QueryTemplate> templates) {
        QueryTemplate t = templates.get(r.nextInt(templates.size()));
        Person p = people.get(r.nextInt(people.size()));
        UUID space = t.inSpace() && !p.spaces().isEmpty() ? p.spaces().get(r.nextInt(p.spaces().size())) : null;
        return new Planned(t, p, space);
    }

    // --- Lucene --------------------------------------------------------------------------------

    /**
     * Loads the index, measures recall, then both columns in {@code settings.rounds()} rounds that
     * alternate which column goes first (the first phase after the bulk load runs hotter than later
     * ones), each phase with its own {@code perPhase} slice of {@code arriving}; a column's figures
     * pool its rounds.
     */
    private Side lucene(List<Message> messages, List<QueryTemplate> templates, List<Message> arriving, int perPhase)
            throws Exception {
        Map<String, String> load = new LinkedHashMap<>();
        SearchAnalyzers analyzers = SearchAnalyzers.load();
        compiler = new QueryCompiler(analyzers.queryAnalyzer(), 2f);
        withSnippetPages = new ResultPages(new Snippets(analyzers.indexAnalyzer(), 200));
        withoutSnippetPages = new ResultPages(null);
        deleteRecursively(settings.indexDir());
        deleteRecursively(settings.indexDir().resolveSibling(settings.indexDir().getFileName() + ".damaged"));
        try (SearchIndex index = SearchIndex.open(settings.indexDir(), analyzers, Language.GERMAN)) {
            indexAll(index, messages, load);
            Map<String, long[]> recall = luceneRecall(index, messages);
            List<Phase> withSnippets = new ArrayList<>();
            List<Phase> without = new ArrayList<>();
            int slice = 0;
            for (int round = 0; round < settings.rounds(); round++) {
                for (int k = 0; k < (settings.withoutSnippets() ? 2 : 1); k++) {
                    boolean snippets = !settings.withoutSnippets() || (k == 0) == (round % 2 == 0);
                    int warmup = slice == 0 ? settings.warmupSeconds() : settings.laterWarmupSeconds();
                    List<Message> now = arriving.subList(slice * perPhase, (slice + 1) * perPhase);
                    slice++;
                    Phase p = phase(snippets ? "Lucene" : "Lucene without snippets", round, warmup, templates,
                            (searcher, q) -> luceneQuery(index, q.api(), q.person().keys(), snippets), luceneArrivals(index),
                            now);
                    (snippets ? withSnippets : without).add(p);
                }
            }
            Phase phase = Phase.pooled(withSnippets);
            Phase bare = without.isEmpty() ? null : Phase.pooled(without);
            suggestions = luceneSuggestions(index, analyzers, templates);
            return new Side(load, recall, phase, bare);
        } finally {
            analyzers.close();
        }
    }

    /**
     * As-you-type suggestions as {@code GET /api/v1/search/suggest} computes its words, one at a
     * time after the query phases: the first 2, 3 and 4 letters of the queries' words, each as a
     * random person with their permission filter.
     */
    private String luceneSuggestions(SearchIndex index, SearchAnalyzers analyzers, List<QueryTemplate> templates)
            throws IOException {
        TermSuggestions words = new TermSuggestions(analyzers.indexAnalyzer());
        Random r = new Random(settings.seed() + 7);
        Histogram latency = new Histogram(3);
        int count = 0;
        for (int round = 0; round < 2; round++) {
            for (QueryTemplate t : templates) {
                String word = t.api().replaceAll("[^\\p{L}].*$", "");
                for (int letters = 2; letters <= Math.min(4, word.length()); letters++) {
                    Person p = people.get(r.nextInt(people.size()));
                    String typed = word.substring(0, letters);
                    long t0 = System.nanoTime();
                    index.search(searcher -> words.suggest(searcher, typed, ResultPages.permitted(p.keys()), 8));
                    if (round > 0) {
                        latency.recordValue(System.nanoTime() - t0);
                        count++;
                    }
                }
            }
        }
        log("Lucene: %,d suggestions, p50 %s, p95 %s, p99 %s", count, ms(percentile(latency, 50)),
                ms(percentile(latency, 95)), ms(percentile(latency, 99)));
        return String.format(Locale.ROOT, "%,d completions of 2 to 4 typed letters, one at a time, each as a random person: "
                + "p50 %s, p95 %s, p99 %s (goal: under 50 ms)", count, ms(percentile(latency, 50)), ms(percentile(latency, 95)),
                ms(percentile(latency, 99)));
    }

    private void indexAll(SearchIndex index, List<Message> messages, Map<String, String> out)
            throws IOException, InterruptedException {
        log("Lucene: indexing");
        long t0 = System.nanoTime();
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<IndexChange> changes = new ArrayList<>(MAX_BATCH);
            for (Message m : messages.subList(from, Math.min(messages.size(), from + MAX_BATCH))) {
                changes.add(new IndexChange.Upsert(document(m)));
            }
            index.apply(changes);
            index.refresh();
        }
        index.commit(Map.of("querfunk.position", "0"));
        // A server serves from a settled index: measure after the merges the bulk load started.
        long settle = System.nanoTime();
        while (index.merging()) {
            Thread.sleep(200);
        }
        log("Lucene: merges after the load took %.1f s more", (System.nanoTime() - settle) / 1e9);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.put("load", String.format(Locale.ROOT, "%.1f s (%,.0f messages/s), refresh after every %d", seconds,
                messages.size() / seconds, MAX_BATCH));
        out.put("size", mb(directorySize(settings.indexDir())));
        log("Lucene: %,d messages in %.1f s (%,.0f/s)", messages.size(), seconds, messages.size() / seconds);
    }

    private static SearchDocument document(Message m) {
        boolean link = m.text().contains("https://");
        Conversation c = m.conversation();
        return new SearchDocument(DocumentKind.MESSAGE, m.id(), c.accessKey(), c.id(), m.author(), m.createdAt(), m.text(),
                null, link, false, false);
    }

    /**
     * One search as {@code GET /api/v1/search} runs it without HTTP and database: parse, compile,
     * the permission filter on the person's access keys, the top 20 by relevance, facet counts over
     * all matches and a highlighted snippet for each of the 20 (unless {@code withSnippets} is
     * false). Returns the number of matches.
     */
    private long luceneQuery(SearchIndex index, String q, List<BytesRef> readable, boolean withSnippets) throws IOException {
        Query text = compiler.compile(SearchQuery.parse(q, MAX_QUERY_LENGTH), Scope.NO_NAMES);
        ResultPages pages = withSnippets ? withSnippetPages : withoutSnippetPages;
        return index.search(searcher -> pages.page(searcher, text, ResultPages.permitted(readable), ResultPages.RELEVANCE,
                HITS, null)
                .facets().total());
    }

    /**
     * New messages as the server's indexer adds them: one batch applied, then a refresh, and a
     * commit when the last one is 5 s ago (querfunk.search.commit-interval). The batch counts as
     * searchable once a search by the messages' keys on the refreshed searcher finds all of them.
     */
    private static Arrivals luceneArrivals(SearchIndex index) {
        return new Arrivals() {
            private long lastCommit = System.nanoTime();
            private long lastRefresh = System.nanoTime();
            private long added;

            @Override
            public boolean add(List<Message> batch) throws IOException, InterruptedException {
                List<IndexChange> changes = new ArrayList<>(batch.size());
                List<BytesRef> keys = new ArrayList<>(batch.size());
                for (Message m : batch) {
                    SearchDocument d = document(m);
                    changes.add(new IndexChange.Upsert(d));
                    keys.add(new BytesRef(d.key()));
                }
                index.apply(changes);
                // As the server's indexer: at most one refresh per refresh interval; what arrives meanwhile waits for it.
                long due = lastRefresh + REFRESH_INTERVAL - System.nanoTime();
                if (due > 0) {
                    Thread.sleep(due / 1_000_000, (int) (due % 1_000_000));
                }
                index.refresh();
                lastRefresh = System.nanoTime();
                added += batch.size();
                Query found = new TermInSetQuery(IndexFields.KEY, keys);
                for (int attempt = 0;; attempt++) {
                    if (index.search(s -> s.count(found)) == batch.size()) {
                        return attempt == 0;
                    }
                    if (attempt == 100) {
                        throw new IllegalStateException("a refreshed searcher does not find " + batch.size() + " new messages");
                    }
                    index.refresh();
                }
            }

            @Override
            public void afterBatch() throws IOException {
                if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL) {
                    index.commit(Map.of("querfunk.position", Long.toString(added)));
                    lastCommit = System.nanoTime();
                }
            }
        };
    }

    /** Collects the index-wide numbers of all matches in one slice. */
    private static final class AllDocs extends org.apache.lucene.search.SimpleCollector {
        final List<Integer> docs = new ArrayList<>();
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
    }

    private Map<String, long[]> luceneRecall(SearchIndex index, List<Message> messages) throws IOException {
        log("Lucene: recall");
        Map<String, long[]> result = new LinkedHashMap<>();
        for (String word : RECALL_WORDS) {
            Query q = compiler.compile(SearchQuery.parse(word, MAX_QUERY_LENGTH), Scope.NO_NAMES);
            Set<UUID> found = index.search(searcher -> {
                // Every match; each slice, which may run on its own thread, collects into its own list.
                List<Integer> docs = searcher.search(q, new org.apache.lucene.search.CollectorManager<
                        AllDocs, List<Integer>>() {
                    @Override
                    public AllDocs newCollector() {
                        return new AllDocs();
                    }

                    @Override
                    public List<Integer> reduce(java.util.Collection<AllDocs> collectors) {
                        return collectors.stream().flatMap(c -> c.docs.stream()).toList();
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
                        id uuid PRIMARY KEY, access_key text NOT NULL, space_id uuid, conversation_id uuid NOT NULL,
                        author_id uuid NOT NULL, created_at timestamptz NOT NULL, body text NOT NULL,
                        tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED)""");
        }
        StringBuilder csv = new StringBuilder();
        long t0 = System.nanoTime();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (int from = 0; from < messages.size(); from += 10_000) {
            csv.setLength(0);
            for (Message m : messages.subList(from, Math.min(messages.size(), from + 10_000))) {
                Conversation conv = m.conversation();
                csv.append(m.id()).append('\t').append(conv.accessKey()).append('\t')
                        .append(conv.spaceId() == null ? "\\N" : conv.spaceId().toString()).append('\t').append(conv.id())
                        .append('\t').append(m.author()).append('\t').append(m.createdAt()).append('\t')
                        .append(m.text().replace("\\", "\\\\")).append('\n');
            }
            copy.copyIn("COPY bench_message (id, access_key, space_id, conversation_id, author_id, created_at, body) "
                    + "FROM STDIN", new StringReader(csv.toString()));
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX bench_message_tsv ON bench_message USING gin (tsv)");
            st.execute("CREATE INDEX bench_message_access ON bench_message (access_key)");
            st.execute("CREATE INDEX bench_message_space ON bench_message (space_id)");
        }
        double indexSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            // What autovacuum would have done to a table that grew over time: hint bits, visibility map, statistics.
            st.execute("VACUUM (ANALYZE) bench_message");
        }
        double vacuumSeconds = (System.nanoTime() - t2) / 1e9;
        double total = copySeconds + indexSeconds + vacuumSeconds;
        out.put("load", String.format(Locale.ROOT, "%.1f s (%,.0f messages/s): COPY with to_tsvector %.1f s, GIN and "
                + "B-tree indexes %.1f s, VACUUM ANALYZE %.1f s", total, messages.size() / total, copySeconds, indexSeconds,
                vacuumSeconds));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('bench_message'), "
                        + "pg_relation_size('bench_message_tsv')")) {
            rs.next();
            out.put("size", mb(rs.getLong(1)) + " (GIN index " + mb(rs.getLong(2)) + ")");
        }
        log("PostgreSQL: loaded in %.1f s", total);
        return version;
    }

    private Phase pgPhase(List<QueryTemplate> templates, List<Message> arriving) throws Exception {
        List<PgSearcher> searchers = new ArrayList<>();
        try (Connection writer = connect()) {
            for (int i = 0; i < settings.searchers(); i++) {
                searchers.add(new PgSearcher(connect()));
            }
            return phase("PostgreSQL", 0, settings.warmupSeconds(), templates,
                    (searcher, q) -> searchers.get(searcher).run(q), pgArrivals(writer), arriving);
        } finally {
            for (PgSearcher s : searchers) {
                s.close();
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        try (Statement st = c.createStatement()) {
            // Keeps the phase time-bounded even if one query runs away.
            st.execute("SET statement_timeout = '60s'");
        }
        return c;
    }

    /** New rows as a chat server writes them: one transaction per batch; found by id once it committed. */
    private static Arrivals pgArrivals(Connection c) throws SQLException {
        c.setAutoCommit(false);
        PreparedStatement insert = c.prepareStatement("INSERT INTO bench_message (id, access_key, space_id, "
                + "conversation_id, author_id, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement check = c.prepareStatement("SELECT count(*) FROM bench_message WHERE id = ANY(?)");
        return batch -> {
            UUID[] ids = new UUID[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Message m = batch.get(i);
                ids[i] = m.id();
                Conversation conv = m.conversation();
                insert.setObject(1, m.id());
                insert.setString(2, conv.accessKey());
                if (conv.spaceId() == null) {
                    insert.setNull(3, Types.OTHER);
                } else {
                    insert.setObject(3, conv.spaceId());
                }
                insert.setObject(4, conv.id());
                insert.setObject(5, m.author());
                insert.setObject(6, OffsetDateTime.ofInstant(m.createdAt(), ZoneOffset.UTC));
                insert.setString(7, m.text());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
            check.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                long seen = rs.getLong(1);
                c.commit();
                if (seen != batch.size()) {
                    throw new IllegalStateException("committed rows not found: " + seen + " of " + batch.size());
                }
            }
            return true;
        };
    }

    /** One searcher's connection with its statements, prepared once as a server's connection pool would keep them. */
    private static final class PgSearcher implements AutoCloseable {
        private final Connection c;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        PgSearcher(Connection c) {
            this.c = c;
        }

        long run(Planned q) throws SQLException {
            QueryTemplate t = q.template();
            String tsquery = t.pgPrefix() ? "to_tsquery('german', ? || ':*')" : "websearch_to_tsquery('german', ?)";
            String filter = "access_key = ANY(?)" + (q.space() != null ? " AND space_id = ?" : "");
            PreparedStatement top = statement("SELECT id, body, ts_rank_cd(tsv, q) AS r FROM bench_message, " + tsquery
                    + " q WHERE tsv @@ q AND " + filter + " ORDER BY r DESC, created_at DESC LIMIT " + HITS);
            PreparedStatement facets = statement("SELECT space_id, count(*) FROM bench_message WHERE tsv @@ " + tsquery
                    + " AND " + filter + " GROUP BY space_id");
            java.sql.Array keys = c.createArrayOf("text", q.person().accessKeys());
            bind(top, t.pg(), keys, q.space());
            try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                }
            }
            bind(facets, t.pg(), keys, q.space());
            long total = 0;
            try (ResultSet rs = facets.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(2);
                }
            }
            return total;
        }

        private static void bind(PreparedStatement st, String text, java.sql.Array keys, UUID space) throws SQLException {
            st.setString(1, text);
            st.setArray(2, keys);
            if (space != null) {
                st.setObject(3, space);
            }
        }

        private PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement st = statements.get(sql);
            if (st == null) {
                st = c.prepareStatement(sql);
                statements.put(sql, st);
            }
            return st;
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    private Map<String, long[]> pgRecall(Connection c, List<Message> messages) throws SQLException {
        log("PostgreSQL: recall");
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

    /** Runs one planned query on one searcher's resources; returns the number of matches. */
    @FunctionalInterface
    interface QueryRunner {
        long run(int searcher, Planned q) throws Exception;
    }

    /** Where the writer adds new messages. */
    interface Arrivals {
        /** Adds new messages and returns once a search finds them; true when the first search after adding did. */
        boolean add(List<Message> batch) throws Exception;

        /** What the writer does after a batch is searchable and before it takes the next. */
        default void afterBatch() throws Exception {
        }
    }

    /**
     * What one measured phase found, or several pooled. Latencies in nanoseconds, from the scheduled
     * start; {@code seconds} measured in all; {@code roundP95} the p95 of each phase pooled; {@code load}
     * the 1-minute load average at the start and end of each.
     */
    record Phase(String name, Histogram latency, Map<String, Histogram> byKind, long completed, long notStarted,
            long errors, Histogram searchable, Histogram batchTime, long added, long notAdded, long batches, long foundAtOnce,
            long seconds, List<Long> roundP95, List<String> load) {

        /** The phases' queries and arrivals as if measured in one. */
        static Phase pooled(List<Phase> phases) {
            Histogram latency = new Histogram(3);
            Map<String, Histogram> byKind = new LinkedHashMap<>();
            Histogram searchable = new Histogram(3);
            Histogram batchTime = new Histogram(3);
            long[] sums = new long[8];
            List<Long> roundP95 = new ArrayList<>();
            List<String> load = new ArrayList<>();
            for (Phase p : phases) {
                latency.add(p.latency());
                p.byKind().forEach((kind, h) -> byKind.computeIfAbsent(kind, x -> new Histogram(3)).add(h));
                searchable.add(p.searchable());
                batchTime.add(p.batchTime());
                long[] add = {p.completed(), p.notStarted(), p.errors(), p.added(), p.notAdded(), p.batches(),
                    p.foundAtOnce(), p.seconds()};
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += add[i];
                }
                roundP95.addAll(p.roundP95());
                load.addAll(p.load());
            }
            return new Phase(phases.get(0).name(), latency, byKind, sums[0], sums[1], sums[2], searchable, batchTime,
                    sums[3], sums[4], sums[5], sums[6], sums[7], roundP95, load);
        }
    }

    private static final class SearcherResult {
        final Histogram latency = new Histogram(3);
        final Map<String, Histogram> byKind = new LinkedHashMap<>();
        long completed;
        long notStarted;
        long errors;
        Exception firstError;

        void record(Planned q, long nanos) {
            latency.recordValue(nanos);
            byKind.computeIfAbsent(q.template().kind(), k -> new Histogram(3)).recordValue(nanos);
        }
    }

    private static final class WriterResult {
        final Histogram searchable = new Histogram(3);
        final Histogram batchTime = new Histogram(3);
        long added;
        long notAdded;
        long batches;
        long foundAtOnce;
    }

    /**
     * One time-bounded phase: the searchers on their fixed schedule while the writer adds
     * {@code arriving} at its fixed rate; the first {@code warmup} seconds are not recorded.
     */
    private Phase phase(String name, int round, int warmupSeconds, List<QueryTemplate> templates, QueryRunner queries,
            Arrivals sink, List<Message> arriving) throws Exception {
        int n = settings.searchers();
        long interval = settings.intervalMs() * 1_000_000L;
        long start = System.nanoTime() + 200_000_000L;
        long from = start + warmupSeconds * 1_000_000_000L;
        long end = from + settings.durationSeconds() * 1_000_000_000L;
        log("%s, round %d: %d searchers, one query each every %d ms, %d new messages/s; %d s warm-up, %d s measured", name,
                round + 1, n, settings.intervalMs(), settings.arrivalRate(), warmupSeconds, settings.durationSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(n + 1);
        try {
            List<Future<SearcherResult>> searchers = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                int searcher = s;
                // Staggered, so that the queries of all searchers are spread evenly over each interval.
                long first = start + s * interval / n;
                searchers.add(pool.submit(() -> search(searcher, round, templates, queries, first, interval, from, end)));
            }
            Future<WriterResult> writing = pool.submit(() -> arrive(sink, arriving, start, from, end));
            parkUntil(from);
            String loadFrom = loadAverage();
            parkUntil(end);
            String loadTo = loadAverage();
            Histogram latency = new Histogram(3);
            Map<String, Histogram> byKind = new LinkedHashMap<>();
            for (QueryTemplate t : templates) {
                byKind.computeIfAbsent(t.kind(), k -> new Histogram(3));
            }
            long completed = 0;
            long notStarted = 0;
            long errors = 0;
            for (Future<SearcherResult> f : searchers) {
                SearcherResult r = f.get();
                latency.add(r.latency);
                r.byKind.forEach((k, h) -> byKind.get(k).add(h));
                completed += r.completed;
                notStarted += r.notStarted;
                errors += r.errors;
                if (r.firstError != null) {
                    log("%s: searcher's first failed query: %s", name, r.firstError);
                }
            }
            WriterResult w = writing.get();
            Phase p = new Phase(name, latency, byKind, completed, notStarted, errors, w.searchable, w.batchTime, w.added,
                    w.notAdded, w.batches, w.foundAtOnce, settings.durationSeconds(), List.of(percentile(latency, 95)),
                    List.of(loadFrom.split(",")[0] + " → " + loadTo.split(",")[0]));
            log("%s: %,d queries (%,.1f/s), p50 %s, p95 %s, p99 %s; %,d new messages in %,d batches, searchable p99 %s",
                    name, completed, completed / (double) settings.durationSeconds(), ms(percentile(latency, 50)),
                    ms(percentile(latency, 95)), ms(percentile(latency, 99)), w.added, w.batches,
                    ms(percentile(w.searchable, 99)));
            return p;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One searcher: query k is due at {@code first + k * interval} and starts then, or at once if
     * the previous one ran late. Its latency counts from when it was due, so time spent waiting
     * behind a slow query is part of it (no coordinated omission). Queries due before the end that
     * could not start by then count with the time they waited.
     */
    private SearcherResult search(int searcher, int round, List<QueryTemplate> templates, QueryRunner queries, long first,
            long interval, long from, long end) {
        Random r = new Random(settings.seed() * 1_000_003L + searcher + round * 7_919L);
        SearcherResult out = new SearcherResult();
        for (long k = 0;; k++) {
            long due = first + k * interval;
            if (due >= end) {
                return out;
            }
            Planned q = plan(r, templates);
            long now = System.nanoTime();
            if (now >= end) {
                if (due >= from) {
                    out.record(q, now - due);
                    out.notStarted++;
                }
                continue;
            }
            parkUntil(due);
            boolean failed = false;
            try {
                queries.run(searcher, q);
            } catch (Exception e) {
                failed = true;
                if (out.firstError == null) {
                    out.firstError = e;
                }
            }
            long latency = System.nanoTime() - due;
            if (due >= from) {
                out.record(q, latency);
                if (failed) {
                    out.errors++;
                } else {
                    out.completed++;
                }
            }
        }
    }

    /**
     * The writer: message i is due at {@code start + i / rate}. Like the server's indexer, it takes
     * everything that is due (at most one batch), adds it, and starts over; a message's time to
     * searchable counts from when it was due, so a writer that falls behind shows it.
     */
    private WriterResult arrive(Arrivals sink, List<Message> arriving, long start, long from, long end) throws Exception {
        WriterResult out = new WriterResult();
        if (settings.arrivalRate() <= 0) {
            return out;
        }
        double step = 1e9 / settings.arrivalRate();
        int next = 0;
        while (next < arriving.size()) {
            long due = start + (long) (next * step);
            if (due >= end) {
                break;
            }
            long now = System.nanoTime();
            if (now >= end) {
                for (int j = next; j < arriving.size() && start + (long) (j * step) < end; j++) {
                    long d = start + (long) (j * step);
                    if (d >= from) {
                        out.searchable.recordValue(now - d);
                        out.notAdded++;
                    }
                }
                break;
            }
            if (now < due) {
                parkUntil(due);
                now = System.nanoTime();
            }
            int upTo = next + 1;
            while (upTo < arriving.size() && upTo - next < MAX_BATCH && start + (long) (upTo * step) <= now) {
                upTo++;
            }
            long adding = System.nanoTime();
            boolean atOnce = sink.add(arriving.subList(next, upTo));
            long searchable = System.nanoTime();
            if (due >= from) {
                out.batches++;
                out.foundAtOnce += atOnce ? 1 : 0;
                out.batchTime.recordValue(searchable - adding);
            }
            for (int j = next; j < upTo; j++) {
                long d = start + (long) (j * step);
                if (d >= from) {
                    out.searchable.recordValue(searchable - d);
                    out.added++;
                }
            }
            next = upTo;
            sink.afterBatch();
        }
        return out;
    }

    private static void parkUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static long percentile(Histogram h, double p) {
        return h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p);
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    // --- the report ----------------------------------------------------------------------------

    private void writeReport(List<Message> messages, Side lucene, Side postgres, List<QueryTemplate> templates, String pgVersion)
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
        describe(messages, templates.size());
        report.append("| | Lucene (Querfunk) |").append(lucene.bare() != null ? " Lucene without snippets |" : "")
                .append(" PostgreSQL FTS |\n| --- | --- |").append(lucene.bare() != null ? " --- |" : "").append(" --- |\n");
        row("indexing " + String.format(Locale.ROOT, "%,d", messages.size()) + " messages", lucene.load().get("load"),
                "(same index)", postgres.load().get("load"), lucene.bare() != null);
        row("size on disk", lucene.load().get("size"), "(same index)", postgres.load().get("size"), lucene.bare() != null);
        for (String row : List.of("p50", "p95", "p99", "max", "rounds", "rate", "searchable", "added", "batch", "loadavg")) {
            report.append("| ").append(label(row)).append(" | ").append(cell(row, lucene.phase())).append(" | ");
            if (lucene.bare() != null) {
                report.append(cell(row, lucene.bare())).append(" | ");
            }
            report.append(cell(row, postgres.phase())).append(" |\n");
        }
        report.append('\n');
        goal(messages, lucene, postgres);

        report.append("Latency by kind of query (p50 / p95 / p99):\n\n");
        report.append("| kind | Lucene |").append(lucene.bare() != null ? " Lucene without snippets |" : "")
                .append(" PostgreSQL |\n| --- | --- |").append(lucene.bare() != null ? " --- |" : "").append(" --- |\n");
        for (String kind : lucene.phase().byKind().keySet()) {
            report.append("| ").append(kind).append(" | ").append(triple(lucene.phase().byKind().get(kind))).append(" | ");
            if (lucene.bare() != null) {
                report.append(triple(lucene.bare().byKind().get(kind))).append(" | ");
            }
            report.append(triple(postgres.phase().byKind().get(kind))).append(" |\n");
        }
        recall(lucene.recall(), postgres.recall());
        reading(lucene);
        Path out = settings.out();
        Files.createDirectories(out.toAbsolutePath().getParent());
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
        Files.writeString(out, withOtherSections(report.toString(), existing), StandardCharsets.UTF_8);
    }

    private void describe(List<Message> messages, int templates) {
        int spaces = settings.spaces();
        int closed = spaces - settings.openSpaces();
        long direct = conversations.stream().filter(c -> c.spaceId() == null && c.members().size() == 2).count();
        long groups = conversations.size() - spaces - direct;
        long[] perConversation = new long[conversations.size()];
        Map<Conversation, Integer> index = new HashMap<>();
        for (int i = 0; i < conversations.size(); i++) {
            index.put(conversations.get(i), i);
        }
        for (Message m : messages) {
            perConversation[index.get(m.conversation())]++;
        }
        int[] keys = people.stream().mapToInt(p -> p.keys().size()).sorted().toArray();
        long[] readable = people.stream().mapToLong(p -> Arrays.stream(p.conversations()).mapToLong(c -> perConversation[c])
                .sum()).sorted().toArray();
        long inConversations = people.stream()
                .filter(p -> Arrays.stream(p.conversations()).anyMatch(c -> c >= spaces)).count();
        report.append(String.format(Locale.ROOT,
                "%,d generated chat messages (seed %d): 80 %% German, 20 %% English, 6 to 30 words drawn from the seed "
                        + "texts in `bench/resources`, 40 %% of the German ones with one of %d customer-service words, most "
                        + "of them compounds (`Vertragskündigungsbestätigung`, `Rückrufservice`, `Kundenanfragen`), 5 %% with "
                        + "a link; over one year in %,d conversations among %,d people:\n\n",
                messages.size(), settings.seed(), COMPOUNDS.size(), conversations.size(), people.size()));
        report.append(String.format(Locale.ROOT,
                "- %d spaces with one channel each (access key `space:<id>`): %d open to everyone, %d closed, each person a "
                        + "member of %d to %d closed ones drawn at random. %.0f %% of the messages, posted by anyone in an "
                        + "open space and by a member in a closed one.\n",
                spaces, settings.openSpaces(), closed, Math.min(closed, MIN_CLOSED), Math.min(closed, MAX_CLOSED),
                100 * IN_SPACES));
        report.append(String.format(Locale.ROOT,
                "- %d direct conversations of two people and %d group conversations of 3 to %d (access key "
                        + "`conversation:<id>`, no space), %,d people taking part in at least one. %.0f %% of the messages, "
                        + "each by one of its members.\n",
                direct, groups, MAX_GROUP, inConversations, 100 * (1 - IN_SPACES)));
        report.append(String.format(Locale.ROOT,
                "- A person may read the open spaces, their closed spaces and their own direct and group conversations: "
                        + "%d to %d access keys, median %d, covering %,d to %,d messages (median %,d) before any arrive "
                        + "during the measurement. Each query runs as a person drawn at random, with exactly that person's "
                        + "access keys as the permission filter, as `SearchService` does.\n\n",
                keys[0], keys[keys.length - 1], keys[keys.length / 2], readable[0], readable[readable.length - 1],
                readable[readable.length / 2]));
        report.append(String.format(Locale.ROOT,
                "Measured under load, the same for each column: %d searchers, each starting one query every %d ms on a "
                        + "fixed schedule, staggered (%,.0f queries/s in all), while one writer adds new messages in the "
                        + "same conversations at %,d per second. Like the server's indexer, the writer takes every message "
                        + "that is due (at most %d), adds them in one batch and refreshes, at most once per 200 ms "
                        + "(`querfunk.search.refresh-interval`; it commits when the last commit is 5 s ago), then takes the "
                        + "next due ones (PostgreSQL: one INSERT transaction per batch, no wait); a "
                        + "message counts as searchable when a search by its key on the refreshed searcher finds it. Each "
                        + "phase is bounded in time: a warm-up, not recorded, then %d s measured. %s Latency counts from the "
                        + "moment the schedule says a query should start, not from when it did (corrected for coordinated "
                        + "omission), so a system that falls behind shows it as latency rather than as a lower rate; queries "
                        + "due before the end that had not started by then count with the time they had waited, and so do "
                        + "messages not yet added. Time to searchable counts the same way, from when the message was due "
                        + "(its send). Percentiles from HdrHistogram. Queries are drawn at random with the person from %d "
                        + "prepared ones of seven kinds (one word, a compound part, two words, a phrase, a prefix, an OR, "
                        + "and a word in one space the person may read, the filtered kind: `in:<space>` / "
                        + "`space_id = …`); in each round, each searcher draws the same sequence in every column.\n\n",
                settings.searchers(), settings.intervalMs(), settings.queryRate(), settings.arrivalRate(), MAX_BATCH,
                settings.durationSeconds(), rounds(), templates));
        report.append("- **Lucene**: the server's own code: `SearchIndex` with the German/English/exact analysis and "
                + "compound splitting, loaded with a searcher refresh after every " + MAX_BATCH + " messages; a query is "
                + "what `GET /api/v1/search` runs without HTTP and database: parse, compile, the permission filter "
                + "(`AccessRuns`: the runs of documents of the person's access keys in the index sorted by key), top 20 by relevance, facet counts over all matches, and a "
                + "highlighted snippet for each of the 20.\n");
        report.append("- **PostgreSQL**: `tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED`, a GIN index "
                + "on it and B-trees on the access key and the space, `VACUUM ANALYZE` after loading; a query is "
                + "`websearch_to_tsquery('german', …)` (`to_tsquery('german', '…:*')` for prefixes) with "
                + "`access_key = ANY(…)` (and `space_id = …` for the filtered kind), top 20 by `ts_rank_cd` and a "
                + "`GROUP BY space_id` count for the facets, each searcher on its own connection with prepared "
                + "statements; new messages are INSERTed, one transaction per batch. No snippets (`ts_headline` would "
                + "add to it).\n\n");
    }

    private String rounds() {
        String columns = settings.withoutSnippets() ? "both Lucene columns" : "the Lucene column";
        String order = settings.withoutSnippets() && settings.rounds() > 1
                ? ", alternating which column goes first (with snippets first in odd rounds, without in even ones)" : "";
        return String.format(Locale.ROOT, "The first phase after the bulk load warms up for %d s, every later one for %d s. "
                + "%s measured in %d round%s%s, each phase with its own new messages arriving; a column's figures pool "
                + "its rounds' queries. PostgreSQL: one phase.", settings.warmupSeconds(), settings.laterWarmupSeconds(),
                Character.toUpperCase(columns.charAt(0)) + columns.substring(1), settings.rounds(),
                settings.rounds() == 1 ? "" : "s", order);
    }

    private void row(String label, String lucene, String bare, String postgres, boolean withBare) {
        report.append("| ").append(label).append(" | ").append(lucene).append(" | ");
        if (withBare) {
            report.append(bare).append(" | ");
        }
        report.append(postgres).append(" |\n");
    }

    private static String label(String key) {
        return switch (key) {
            case "p50" -> "query latency p50";
            case "p95" -> "query latency p95";
            case "p99" -> "query latency p99";
            case "max" -> "query latency max";
            case "rate" -> "queries/s achieved (scheduled)";
            case "searchable" -> "send to searchable p50 / p99 / max";
            case "added" -> "new messages during the measurement";
            case "batch" -> "one batch, from adding until searchable, p50 / p99";
            case "rounds" -> "query latency p95 of each round, in order";
            case "loadavg" -> "load average (1 min) at start → end of each measurement";
            default -> key;
        };
    }

    private String cell(String key, Phase p) {
        return switch (key) {
            case "p50" -> ms(percentile(p.latency(), 50));
            case "p95" -> ms(percentile(p.latency(), 95));
            case "p99" -> ms(percentile(p.latency(), 99));
            case "max" -> ms(p.latency().getMaxValue());
            case "rate" -> String.format(Locale.ROOT, "%,.1f (%,.0f)", p.completed() / (double) p.seconds(),
                    settings.queryRate())
                    + (p.notStarted() > 0 ? String.format(Locale.ROOT, ", %,d not started", p.notStarted()) : "")
                    + (p.errors() > 0 ? String.format(Locale.ROOT, ", %,d failed", p.errors()) : "");
            case "searchable" -> ms(percentile(p.searchable(), 50)) + " / " + ms(percentile(p.searchable(), 99)) + " / "
                    + ms(p.searchable().getMaxValue());
            case "added" -> String.format(Locale.ROOT, "%,d in %,d batches", p.added(), p.batches())
                    + (p.notAdded() > 0 ? String.format(Locale.ROOT, ", %,d still due when the time was up", p.notAdded()) : "");
            case "batch" -> ms(percentile(p.batchTime(), 50)) + " / " + ms(percentile(p.batchTime(), 99));
            case "rounds" -> p.roundP95().size() < 2 ? "(one phase)"
                    : p.roundP95().stream().map(SearchBenchmark::ms).collect(java.util.stream.Collectors.joining(", "));
            case "loadavg" -> String.join(", ", p.load());
            default -> "";
        };
    }

    private void goal(List<Message> messages, Side lucene, Side postgres) {
        long p95 = percentile(lucene.phase().latency(), 95);
        long pg95 = percentile(postgres.phase().latency(), 95);
        long[] l = totals(lucene.recall());
        long[] p = totals(postgres.recall());
        String speed = p95 <= pg95 ? String.format(Locale.ROOT, "%.1f times faster", pg95 / (double) Math.max(1, p95))
                : String.format(Locale.ROOT, "%.1f times slower", p95 / (double) Math.max(1, pg95));
        report.append(String.format(Locale.ROOT,
                "Goal: query p95 under 10 ms at 1,000,000 messages, far ahead of PostgreSQL in speed and German recall. "
                        + "This run, at %,d messages: Lucene p95 %s (%s), PostgreSQL p95 %s (Lucene %s at p95); compound "
                        + "recall %s for Lucene, %s for PostgreSQL.\n\n",
                messages.size(), ms(p95), p95 < 10_000_000L ? "under 10 ms" : "not under 10 ms", ms(pg95), speed,
                percent(l[1], l[0]), percent(p[1], p[0])));
        report.append("As-you-type suggestions (Lucene, `TermSuggestions`, after the phases above, the first round unmeasured): ")
                .append(suggestions).append(".\n\n");
        Phase ph = lucene.phase();
        report.append(String.format(Locale.ROOT,
                "Every batch of new messages was looked up by key right after it was added: Lucene found %,d of %,d "
                        + "batches with the first search after the refresh, PostgreSQL %,d of %,d after the commit.\n\n",
                ph.foundAtOnce(), ph.batches(), postgres.phase().foundAtOnce(), postgres.phase().batches()));
    }

    private static long[] totals(Map<String, long[]> recall) {
        long relevant = 0;
        long hit = 0;
        for (long[] r : recall.values()) {
            relevant += r[0];
            hit += r[1];
        }
        return new long[] {relevant, hit};
    }

    private void recall(Map<String, long[]> luceneRecall, Map<String, long[]> pgRecall) {
        report.append("\n### Recall for words inside German compounds\n\n");
        report.append("Relevant: messages containing the word alone or as part of a compound (known from the generator). "
                + "Both searched over the generated messages, before any arrive, without a permission filter; \"found\" "
                + "counts every match.\n\n");
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
    }

    private void reading(Side lucene) {
        report.append("""
                ### Reading these numbers

                - The machine is shared: the load average above counts other processes competing for its cores during
                  the run, so absolute latencies are pessimistic and vary between runs. Compare the columns of one run.
                - A single phase is a noisy sample at p95: before the rounds, two runs whose code differed only in how
                  facet names are looked up (microseconds per query) gave a Lucene p95 of 10.9 and 19.1 ms, and the
                  column measured first, right after the bulk load, came out slower in six of eight runs. That is why
                  each Lucene column is measured in several rounds in alternating order and pooled; "p95 of each
                  round" shows the spread that remains. Compare runs by their pooled figures, and repeat a run before
                  trusting a difference of a millisecond or two.
                - The schedule does not wait for answers: when a system cannot finish the scheduled queries in time,
                  the queries queue up and their latency grows through the measurement, and the achieved rate falls
                  short of the scheduled one. A p99 far above p95 with the full rate achieved means single slow
                  queries; latencies of seconds with a lower rate mean the system was saturated.
                """);
        if (lucene.bare() != null) {
            report.append("""
                    - "Lucene without snippets" is the search itself, measured in a phase of its own with the same
                      schedule and a fresh set of arriving messages; the difference to the first column is the cost of
                      finding where the query's terms matched in the 20 shown texts (from the offsets in the postings)
                      and cutting the snippets. PostgreSQL shows no snippets at all.
                    """);
        }
        report.append("""
                - Every query counts all its matches per space for the facets, so frequent words cost more than rare
                  ones in both systems, and the cost grows with the number of messages a person may read.
                - Send to searchable is the index's part of it: the server adds the commit of the message, the event
                  that wakes its indexer and reading the event log. Like the server's indexer, the writer refreshes
                  at most every 200 ms and adds what arrived meanwhile in one batch, so most of the time to
                  searchable is the wait for the next refresh; a refresh does not wait for merges.
                - The first phase follows the bulk load and the recall queries. Its warm-up is long enough for JIT
                  compilation and the merges that the first arrivals start to settle: a profile showed both cores
                  busy for about 30 s after the load, and the searchers at a third of one core after that. The
                  phases' new messages stay in the index, so the last round searches a few per cent more messages
                  than the first.
                - PostgreSQL's `german` configuration stems a compound as one word: `Kündigung` does not find
                  `Vertragskündigung`. Querfunk splits compounds at index time (docs/search-analysis.md).
                - Querfunk's misses: a German message that language detection takes for English is indexed without
                  compound splitting.
                - Measured in-process: `GET /api/v1/search` adds HTTP, authentication and two PostgreSQL lookups per
                  request (readable spaces and conversations). Indexing is the index's own rate, with a refresh after
                  every 500 messages as after each event batch; in the server, messages reach it through the event log.
                """);
    }

    /**
     * This benchmark writes the head of the file: the title, "Machine" and "Search". Every other
     * second-level section (the real-time benchmark's) is kept as it is, after it.
     */
    static String withOtherSections(String ours, String existing) {
        if (existing == null) {
            return ours;
        }
        List<Integer> starts = new ArrayList<>();
        if (existing.startsWith("## ")) {
            starts.add(0);
        }
        for (int i = existing.indexOf("\n## "); i >= 0; i = existing.indexOf("\n## ", i + 1)) {
            starts.add(i + 1);
        }
        StringBuilder kept = new StringBuilder();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : existing.length();
            int eol = existing.indexOf('\n', from);
            String heading = existing.substring(from, eol < 0 || eol > to ? to : eol).strip();
            if (!heading.equals("## Machine") && !heading.startsWith("## Search")) {
                kept.append(existing, from, to);
            }
        }
        return kept.isEmpty() ? ours : ours + "\n" + kept;
    }

    private static String triple(Histogram h) {
        return h == null || h.getTotalCount() == 0 ? "" : ms(percentile(h, 50)) + " / " + ms(percentile(h, 95)) + " / "
                + ms(percentile(h, 99));
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
