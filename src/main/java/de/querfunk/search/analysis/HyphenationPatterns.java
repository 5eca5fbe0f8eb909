package de.querfunk.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.compound.hyphenation.PatternConsumer;
import org.apache.lucene.analysis.compound.hyphenation.PatternParser;
import org.xml.sax.InputSource;

/**
 * Liang's hyphenation (the TeX algorithm) over the patterns of a grammar in Lucene's hyphenation XML
 * format, for lower-case words.
 *
 * <p>Why not Lucene's {@code HyphenationTree}: it addresses its nodes and stored key tails with
 * {@code char}s, so it holds at most 65,535 of each, and the 35,000 German patterns need about
 * 90,000. Past that limit it does not fail but silently drops and corrupts patterns. This class
 * reads the same file with Lucene's {@link PatternParser} into a hash table without such a limit.
 *
 * <p>Immutable after loading and safe for concurrent use.
 */
final class HyphenationPatterns {

    /** No break leaves fewer letters than this before or after it, as the German grammar declares. */
    static final int MIN_BEFORE = 2;
    static final int MIN_AFTER = 2;

    /** Liang values per pattern: one digit before, between and after its letters. */
    private final CharArrayMap<byte[]> patterns;
    private final CharArraySet letters;
    private final int longestPattern;

    private HyphenationPatterns(CharArrayMap<byte[]> patterns, CharArraySet letters, int longestPattern) {
        this.patterns = patterns;
        this.letters = letters;
        this.longestPattern = longestPattern;
    }

    static HyphenationPatterns load(InputSource grammar) throws IOException {
        Collector collector = new Collector();
        new PatternParser(collector).parse(grammar);
        if (collector.patterns.isEmpty() || collector.letters.isEmpty()) {
            throw new IOException("hyphenation grammar holds no patterns or no character classes");
        }
        return new HyphenationPatterns(CharArrayMap.unmodifiableMap(collector.patterns),
                CharArraySet.unmodifiableSet(collector.letters), collector.longest);
    }

    int size() {
        return patterns.size();
    }

    /**
     * The positions where the lower-case {@code word[offset, offset + length)} may be hyphenated,
     * counted from {@code offset}, in ascending order; empty if there are none or if the word holds a
     * character the grammar does not know (a digit, say).
     */
    int[] hyphenate(char[] word, int offset, int length) {
        if (length < MIN_BEFORE + MIN_AFTER) {
            return new int[0];
        }
        // The word framed by the '.' that patterns use to anchor at its start or end.
        char[] framed = new char[length + 2];
        framed[0] = '.';
        System.arraycopy(word, offset, framed, 1, length);
        framed[length + 1] = '.';
        for (int i = 1; i <= length; i++) {
            if (!letters.contains(framed, i, 1)) {
                return new int[0];
            }
        }

        // values[k] is the strongest value any matching pattern gives the gap before framed[k].
        byte[] values = new byte[framed.length + 1];
        for (int start = 0; start < framed.length; start++) {
            int maxLength = Math.min(longestPattern, framed.length - start);
            for (int len = 1; len <= maxLength; len++) {
                byte[] found = patterns.get(framed, start, len);
                if (found != null) {
                    for (int k = 0; k < found.length; k++) {
                        if (found[k] > values[start + k]) {
                            values[start + k] = found[k];
                        }
                    }
                }
            }
        }

        int[] points = new int[length];
        int count = 0;
        // An odd value allows a break; the break before word[i] is the gap before framed[i + 1].
        for (int i = MIN_BEFORE; i <= length - MIN_AFTER; i++) {
            if ((values[i + 1] & 1) == 1) {
                points[count++] = i;
            }
        }
        return Arrays.copyOf(points, count);
    }

    /** Receives the grammar from Lucene's parser. */
    private static final class Collector implements PatternConsumer {

        final CharArrayMap<byte[]> patterns = new CharArrayMap<>(40_000, false);
        final CharArraySet letters = new CharArraySet(64, false);
        int longest;

        @Override
        public void addClass(String chargroup) {
            // The first character of a class is the one patterns use; words reach us lower-cased.
            letters.add(chargroup.substring(0, 1));
        }

        @Override
        public void addException(String word, ArrayList<Object> hyphenatedword) {
            throw new IllegalArgumentException("hyphenation exceptions are not supported: " + word);
        }

        @Override
        public void addPattern(String pattern, String ivalue) {
            byte[] values = new byte[ivalue.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) (ivalue.charAt(i) - '0');
            }
            patterns.put(pattern, values);
            longest = Math.max(longest, pattern.length());
        }
    }
}
