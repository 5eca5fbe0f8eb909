package de.querfunk.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;

/**
 * Adds, after a compound, the dictionary words it is made of, at the compound's position (Lucene's
 * base class keeps the compound itself). Candidate cuts come from hyphenation, words from the
 * dictionary, the same division of labour as Lucene's {@code HyphenationCompoundWordTokenFilter}
 * with {@code noSubMatches}, which cannot be used here because its {@code HyphenationTree} cannot
 * hold the German grammar (see {@link HyphenationPatterns}).
 *
 * <ul>
 *   <li>A token that is itself a dictionary word, possibly with a linking or plural ending, stays
 *       whole, so "Bestellung" does not yield "Stellung".
 *   <li>From each hyphenation point the longest dictionary word is taken; shorter words inside it
 *       are skipped ({@code rückrufservice} yields {@code ruckruf} and {@code service}, not also
 *       {@code ruf}).
 *   <li>A piece may carry a linking element or plural ending, which is dropped: {@code vertrags} →
 *       {@code vertrag}, {@code kündigungs} → {@code kündigung}, {@code kunden} → {@code kunde},
 *       {@code frauen} → {@code frau}, {@code kinder} → {@code kind}.
 *   <li>A piece may have lost its final e, as first parts often do: {@code adress} in
 *       {@code adressänderung} counts because {@code adresse} is a word, and is emitted as
 *       {@code adress}, which the light stemmer makes of {@code adresse} too; so a search for
 *       "Adresse" finds "Adressänderung".
 * </ul>
 *
 * <p>Runs on lower-cased, unfolded tokens: the hyphenation patterns are made for real spelling.
 */
final class CompoundSplitFilter extends CompoundWordTokenFilterBase {

    /** Linking elements (Fugenelemente) and plural endings, tried in this order: the longest stem wins. */
    private static final String[] ENDINGS = {"", "s", "e", "n", "en", "er", "es", "ns"};

    private final HyphenationPatterns hyphenation;

    CompoundSplitFilter(TokenStream input, HyphenationPatterns hyphenation, CharArraySet dictionary,
            int minWordSize, int minSubwordSize, int maxSubwordSize) {
        super(input, dictionary, minWordSize, minSubwordSize, maxSubwordSize, false);
        this.hyphenation = hyphenation;
    }

    @Override
    protected void decompose() {
        char[] word = termAtt.buffer();
        int length = termAtt.length();
        if (wordLength(word, 0, length) > 0) {
            return;
        }
        int[] inner = hyphenation.hyphenate(word, 0, length);
        if (inner.length == 0) {
            return;
        }
        int[] points = new int[inner.length + 2];
        System.arraycopy(inner, 0, points, 1, inner.length);
        points[points.length - 1] = length;

        int covered = 0;
        for (int i = 0; i < points.length - 1; i++) {
            int start = points[i];
            // Longest first; only pieces that reach past what an earlier piece covered.
            for (int j = points.length - 1; j > i && points[j] > covered; j--) {
                int pieceLength = points[j] - start;
                if (pieceLength >= length) {
                    continue;
                }
                int found = wordLength(word, start, pieceLength);
                if (found > 0) {
                    tokens.add(new CompoundToken(start, found));
                    covered = points[j];
                    break;
                }
            }
        }
    }

    /**
     * The length of the dictionary word that {@code word[start, start + length)} is, possibly
     * followed by one of {@link #ENDINGS}; 0 if it is none.
     */
    private int wordLength(char[] word, int start, int length) {
        for (String ending : ENDINGS) {
            int stem = length - ending.length();
            if (stem < minSubwordSize || stem > maxSubwordSize) {
                continue;
            }
            if (endsWith(word, start + length, ending) && dictionary.contains(word, start, stem)) {
                return stem;
            }
        }
        if (length >= minSubwordSize && length < maxSubwordSize && word[start + length - 1] != 'e') {
            char[] withE = new char[length + 1];
            System.arraycopy(word, start, withE, 0, length);
            withE[length] = 'e';
            if (dictionary.contains(withE, 0, withE.length)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean endsWith(char[] word, int end, String ending) {
        for (int k = 0; k < ending.length(); k++) {
            if (word[end - ending.length() + k] != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
