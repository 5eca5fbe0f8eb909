package de.querfunk.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.xml.sax.InputSource;

/**
 * What German compound splitting needs: the hyphenation grammar that proposes where a word may be
 * cut, and the dictionary of subwords that decides which pieces are words. Both ship in the server
 * jar ({@value #GRAMMAR_RESOURCE}, {@value #DICTIONARY_RESOURCE}), so a fresh installation needs
 * nothing else. Loading takes a noticeable fraction of a second: load once with
 * {@link #fromClasspath()} and share the instance, which is immutable and thread-safe.
 *
 * <p>Splitting runs on lower-cased words before umlauts are folded, because the hyphenation
 * patterns are made for real spelling (folding first breaks "kundendaten" wrongly as
 * "kun-dend-a-ten" once folded patterns are merged in, and drops the patterns for ä, ö, ü and ß
 * otherwise). The dictionary is written in ordinary spelling and answers for every way a word
 * reaches the splitter: {@code kündigung}, {@code kundigung} and {@code kuendigung} are all found.
 */
public final class GermanCompounds {

    public static final String GRAMMAR_RESOURCE = "/search/de-hyphenation.xml";
    public static final String DICTIONARY_RESOURCE = "/search/de-compound-words.txt";

    /** Words of up to four letters are not split: there is nothing useful inside "Amts" or "Kauf". */
    static final int MIN_WORD_SIZE = 5;
    /** Shorter pieces ("ei", "an") would be noise even if a dictionary listed them. */
    static final int MIN_SUBWORD_SIZE = 3;
    /** Long enough for "Digitalisierung" or "Wiederherstellung" inside a compound. */
    static final int MAX_SUBWORD_SIZE = 25;

    private final HyphenationPatterns grammar;
    private final CharArraySet dictionary;
    private final int words;

    private GermanCompounds(HyphenationPatterns grammar, Collection<String> words) {
        this.grammar = grammar;
        CharArraySet spellings = new CharArraySet(words.size() * 2, false);
        for (String word : words) {
            spellings.addAll(spellings(word));
        }
        this.dictionary = CharArraySet.unmodifiableSet(spellings);
        this.words = words.size();
    }

    /** Loads the grammar and dictionary shipped with the server. */
    public static GermanCompounds fromClasspath() {
        return new GermanCompounds(loadGrammar(resource(GRAMMAR_RESOURCE)), readWords(resource(DICTIONARY_RESOURCE)));
    }

    /** The shipped grammar with other words (in ordinary spelling) as dictionary; for tests and tools. */
    public static GermanCompounds withDictionary(Collection<String> words) {
        return new GermanCompounds(loadGrammar(resource(GRAMMAR_RESOURCE)), List.copyOf(words));
    }

    /** Number of words the dictionary was built from. */
    public int dictionarySize() {
        return words;
    }

    /** Number of hyphenation patterns. */
    public int patternCount() {
        return grammar.size();
    }

    /** Whether {@code word}, in any case or spelling of its umlauts, is a dictionary word. */
    public boolean isSubword(String word) {
        return dictionary.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Where the grammar would cut {@code word}, e.g. {@code kün-di-gung} for "Kündigung". */
    public String hyphenate(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower);
        int[] points = grammar.hyphenate(lower.toCharArray(), 0, lower.length());
        for (int i = points.length - 1; i >= 0; i--) {
            out.insert(points[i], '-');
        }
        return out.toString();
    }

    /**
     * Adds the subwords of each compound after the token itself, at the same position. Expects
     * lower-cased tokens that are not yet folded. See {@link CompoundSplitFilter} for which pieces
     * count.
     */
    TokenStream decompose(TokenStream lowerCased) {
        return new CompoundSplitFilter(lowerCased, grammar, dictionary, MIN_WORD_SIZE, MIN_SUBWORD_SIZE,
                MAX_SUBWORD_SIZE);
    }

    /** "Straße" as {@code straße}, {@code strasse}; "Kündigung" as {@code kündigung}, {@code kundigung}, {@code kuendigung}. */
    static Set<String> spellings(String word) {
        String lower = word.strip().toLowerCase(Locale.ROOT);
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(lower);
        spellings.add(asciiFold(lower.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")));
        spellings.add(asciiFold(lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")));
        return spellings;
    }

    private static String asciiFold(String word) {
        char[] out = new char[word.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, out, 0, word.length());
        return new String(out, 0, length);
    }

    private static URL resource(String name) {
        URL url = GermanCompounds.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + name + " on the class path");
        }
        return url;
    }

    private static HyphenationPatterns loadGrammar(URL url) {
        try (InputStream in = url.openStream()) {
            InputSource source = new InputSource(in);
            // The grammar names Lucene's DTD by a relative system id; a base lets the parser
            // resolve it, and Lucene then supplies the DTD from its own jar.
            source.setSystemId(url.toExternalForm());
            source.setEncoding(StandardCharsets.UTF_8.name());
            return HyphenationPatterns.load(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load hyphenation grammar " + GRAMMAR_RESOURCE, e);
        }
    }

    private static List<String> readWords(URL url) {
        List<String> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load compound dictionary " + DICTIONARY_RESOURCE, e);
        }
        return words;
    }
}
