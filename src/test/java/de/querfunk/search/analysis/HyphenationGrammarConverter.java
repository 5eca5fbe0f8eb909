package de.querfunk.search.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts the TeX hyphenation patterns for German (reformed spelling, {@code hyph-de-1996.pat.txt}
 * from hyph-utf8, MIT licence) into the XML grammar that Lucene's {@code HyphenationTree} reads. The
 * result is committed as {@code src/main/resources/search/de-hyphenation.xml}; see
 * {@code docs/search-analysis.md} for how to regenerate it.
 *
 * <p>Runs without compiling the project (JDK source launcher):
 *
 * <pre>
 * java src/test/java/de/querfunk/search/analysis/HyphenationGrammarConverter.java \
 *      "$(dpkg -L texlive-lang-german | grep 'hyph-de-1996.pat.txt$')" \
 *      src/main/resources/search/de-hyphenation.xml
 * </pre>
 *
 * <p>The file is a lossless conversion: the same patterns with the same values, plus the character
 * classes Lucene's format requires. Two remarks:
 *
 * <ul>
 *   <li>The patterns are written in a shuffled order with a fixed seed, so the output is the same on
 *       every run. Lucene's {@code TernaryTree} does not balance while inserting, so patterns in
 *       sorted order (as the TeX file lists them) build a degenerate tree whose recursive insert
 *       overflows the stack.
 *   <li>Even shuffled, this grammar is too large for Lucene's {@code HyphenationTree}: the tree
 *       addresses nodes and stored key tails with {@code char}s, and 35,000 patterns need about
 *       90,000 of them, so it silently loses and corrupts patterns. The server therefore reads the
 *       file with Lucene's {@code PatternParser} into its own table ({@code HyphenationPatterns}).
 * </ul>
 */
public final class HyphenationGrammarConverter {

    /** Fixed so that regenerating the grammar from the same input gives the same file. */
    static final long SHUFFLE_SEED = 0x5175657266756EL;

    private static final String NOTICE = """
            German hyphenation patterns (reformed orthography, 2006), converted into Apache Lucene's
            hyphenation grammar format from hyph-de-1996.pat.txt of the hyph-utf8 package (TeX Live; Debian
            package texlive-lang-german). Regenerate with
            src/test/java/de/querfunk/search/analysis/HyphenationGrammarConverter.java.
            The patterns are unchanged, in a fixed pseudo-random order (seed %d).

            Copyright (C) 2013-2021
            Stephan Hennig, Werner Lemberg, Günter Milde,
            Sander van Geloven, Georg Pfeiffer, Gisbert W. Selke,
            Tobias Wendorf, Keno Wehr
            (Deutschsprachige Trennmustermannschaft, trennmuster@dante.de)

            Permission is hereby granted, free of charge, to any person
            obtaining a copy of this software and associated documentation
            files (the "Software"), to deal in the Software without
            restriction, including without limitation the rights to use,
            copy, modify, merge, publish, distribute, sublicense, and/or
            sell copies of the Software, and to permit persons to whom the
            Software is furnished to do so, subject to the following
            conditions:

            The above copyright notice and this permission notice shall be
            included in all copies or substantial portions of the Software.

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
            EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
            OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
            NONINFRINGEMENT.  IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
            HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
            WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
            FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
            OTHER DEALINGS IN THE SOFTWARE.
            """;

    private HyphenationGrammarConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HyphenationGrammarConverter <hyph-de-1996.pat.txt> <de-hyphenation.xml>");
            System.exit(2);
        }
        String tex = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String xml = convert(tex);
        Files.writeString(Path.of(args[1]), xml, StandardCharsets.UTF_8);
        System.out.println("wrote " + args[1] + " (" + xml.length() + " characters)");
    }

    /** Turns TeX patterns (one or more per line, {@code %} starts a comment) into Lucene's XML grammar. */
    static String convert(String texPatterns) {
        Map<String, int[]> patterns = new TreeMap<>();
        for (String line : texPatterns.split("\n")) {
            int comment = line.indexOf('%');
            String content = comment >= 0 ? line.substring(0, comment) : line;
            for (String pattern : content.trim().split("\\s+")) {
                if (!pattern.isEmpty()) {
                    Pattern parsed = Pattern.parse(pattern);
                    if (patterns.put(parsed.letters(), parsed.values()) != null) {
                        throw new IllegalArgumentException("pattern " + parsed.letters() + " appears twice");
                    }
                }
            }
        }

        TreeSet<Character> letters = new TreeSet<>();
        List<String> lines = new ArrayList<>(patterns.size());
        patterns.forEach((key, values) -> {
            for (char c : key.toCharArray()) {
                if (c != '.') {
                    letters.add(c);
                }
            }
            lines.add(new Pattern(key, values).toTex());
        });
        Collections.shuffle(lines, new Random(SHUFFLE_SEED));

        StringBuilder xml = new StringBuilder(lines.size() * 10);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!DOCTYPE hyphenation-info SYSTEM \"hyphenation.dtd\">\n");
        xml.append("<!--\n").append(NOTICE.formatted(SHUFFLE_SEED).replace("--", "- -")).append("-->\n");
        xml.append("<hyphenation-info>\n");
        xml.append("<hyphen-char value=\"-\"/>\n");
        xml.append("<hyphen-min before=\"2\" after=\"2\"/>\n");
        xml.append("<classes>\n");
        for (char c : letters) {
            xml.append(c);
            char upper = Character.toUpperCase(c);
            if (upper != c) {
                xml.append(upper);
            }
            xml.append('\n');
        }
        xml.append("</classes>\n");
        xml.append("<patterns>\n");
        for (String line : lines) {
            xml.append(line).append('\n');
        }
        xml.append("</patterns>\n");
        xml.append("</hyphenation-info>\n");
        return xml.toString();
    }

    /** A Liang pattern: its letters and the value before, between and after them. */
    record Pattern(String letters, int[] values) {

        static Pattern parse(String tex) {
            StringBuilder letters = new StringBuilder();
            List<Integer> values = new ArrayList<>();
            int pending = 0;
            for (char c : tex.toCharArray()) {
                if (c >= '0' && c <= '9') {
                    pending = c - '0';
                } else if (c == '.' || Character.isLetter(c)) {
                    values.add(pending);
                    pending = 0;
                    letters.append(c);
                } else {
                    throw new IllegalArgumentException("unexpected character '" + c + "' in pattern " + tex);
                }
            }
            values.add(pending);
            return new Pattern(letters.toString(), values.stream().mapToInt(Integer::intValue).toArray());
        }

        String toTex() {
            StringBuilder tex = new StringBuilder();
            for (int i = 0; i < letters.length(); i++) {
                if (values[i] != 0) {
                    tex.append(values[i]);
                }
                tex.append(letters.charAt(i));
            }
            if (values[letters.length()] != 0) {
                tex.append(values[letters.length()]);
            }
            return tex.toString();
        }
    }
}
