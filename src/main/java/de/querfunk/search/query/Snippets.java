package de.querfunk.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import de.querfunk.search.index.IndexFields;

/**
 * Cuts a snippet from a result's text and marks what the query matched. The text is analysed
 * again with the index analyzers of the document's language field and of the exact field, and
 * every token the query's positive terms match is marked, so a hit on the subword "kündigung" marks
 * the whole "Vertragskündigungsbestätigung". The only markup in a snippet is {@code <mark>}; all
 * text is HTML-escaped, so a client can insert it as HTML.
 */
public final class Snippets {


    private final Analyzer indexAnalyzer;
    private final int length;

    public Snippets(Analyzer indexAnalyzer, int length) {
        this.indexAnalyzer = indexAnalyzer;
        this.length = length;
    }

    /** What a query looks for in the text fields: terms and prefix automata of its positive clauses. */
    public static final class Matches {
        private final Map<String, Set<BytesRef>> terms = new HashMap<>();
        private final Map<String, List<ByteRunAutomaton>> automata = new HashMap<>();

        boolean matches(String field, BytesRef term) {
            if (terms.getOrDefault(field, Set.of()).contains(term)) {
                return true;
            }
            for (ByteRunAutomaton a : automata.getOrDefault(field, List.of())) {
                if (a.run(term.bytes, term.offset, term.length)) {
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return terms.isEmpty() && automata.isEmpty();
        }
    }

    public static Matches matches(Query query) {
        Matches m = new Matches();
        visitPositiveText(query,
                t -> m.terms.computeIfAbsent(t.field(), f -> new HashSet<>()).add(BytesRef.deepCopyOf(t.bytes())),
                (q, field, automaton) -> m.automata.computeIfAbsent(field, f -> new ArrayList<>()).add(automaton.get()));
        return m;
    }

    /** A query that matches whatever an automaton accepts in one field (a prefix, say). */
    @FunctionalInterface
    interface TermsMatching {
        void accept(Query query, String field, Supplier<ByteRunAutomaton> automaton);
    }

    /**
     * What a query looks for in the text fields, outside its excluded ({@code -word}) clauses:
     * each term, and each query that matches terms by an automaton. What snippets mark.
     */
    static void visitPositiveText(Query query, Consumer<Term> terms, TermsMatching matching) {
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return IndexFields.TEXT_FIELDS.contains(field);
            }

            @Override
            public void consumeTerms(Query q, Term... consumed) {
                for (Term t : consumed) {
                    terms.accept(t);
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                matching.accept(q, field, automaton);
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
    }

    /**
     * The snippet of {@code text}, indexed in {@code languageField}, as safe HTML, marking what the
     * text's analysis matches. For documents indexed without offsets; {@link #snippet(String, List)}
     * takes the offsets the index recorded and needs no analysis.
     */
    public String snippet(Matches matches, String text, String languageField) {
        return snippet(text, matches.isEmpty() ? List.of() : marks(matches, text, languageField));
    }

    /** The snippet of {@code text} as safe HTML, with the character ranges {start, end} in {@code marks} marked. */
    public String snippet(String text, List<int[]> marks) {
        List<int[]> merged = merge(new ArrayList<>(marks));
        int start = 0;
        int end = text.length();
        if (text.length() > length) {
            int first = merged.isEmpty() ? 0 : merged.get(0)[0];
            start = wordStart(text, Math.max(0, first - length / 4));
            end = wordEnd(text, Math.min(text.length(), start + length));
        }
        StringBuilder html = new StringBuilder(end - start + 32);
        if (start > 0) {
            html.append('…');
        }
        int at = start;
        for (int[] mark : merged) {
            int from = Math.max(mark[0], start);
            int to = Math.min(Math.min(mark[1], end), text.length());
            if (from >= to) {
                continue;
            }
            escape(text, at, from, html);
            html.append("<mark>");
            escape(text, from, to, html);
            html.append("</mark>");
            at = to;
        }
        escape(text, at, end, html);
        if (end < text.length()) {
            html.append('…');
        }
        return html.toString().strip();
    }

    private List<int[]> marks(Matches matches, String text, String languageField) {
        List<int[]> marks = new ArrayList<>();
        for (String field : new String[] {languageField, IndexFields.TEXT_EXACT}) {
            try (TokenStream ts = indexAnalyzer.tokenStream(field, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (matches.matches(field, new BytesRef(term))) {
                        marks.add(new int[] {offset.startOffset(), offset.endOffset()});
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return marks;
    }

    private static List<int[]> merge(List<int[]> marks) {
        marks.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] m : marks) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m[0] <= last[1]) {
                last[1] = Math.max(last[1], m[1]);
            } else {
                merged.add(new int[] {m[0], m[1]});
            }
        }
        return merged;
    }

    /** Moves a cut forward to the start of a word (at most a few characters), never into a surrogate pair. */
    private static int wordStart(String text, int at) {
        if (at == 0) {
            return 0;
        }
        int limit = Math.min(text.length(), at + 20);
        for (int i = at; i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
    }

    /** Moves a cut back to the end of a word (at most a few characters), never into a surrogate pair. */
    private static int wordEnd(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int limit = Math.max(1, at - 20);
        for (int i = at; i > limit; i--) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    /** Appends {@code text[from, to)} HTML-escaped, with runs of white space as one space. */
    static void escape(String text, int from, int to, StringBuilder out) {
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
