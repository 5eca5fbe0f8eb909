package de.querfunk.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class HyphenationGrammarConverterTest {

    private static final String TEX = """
            % a comment
            .ab1a
            1ba
            a1c2d
            1ß
            """;

    @Test
    void convert_writesLucenesFormat_withTheHyphenAsAttribute() {
        String xml = HyphenationGrammarConverter.convert(TEX);

        assertThat(xml).contains("<hyphen-char value=\"-\"/>", "<hyphen-min before=\"2\" after=\"2\"/>",
                "<classes>", "<patterns>", "Permission is hereby granted");
        assertThat(xml).contains("\n.ab1a\n", "\n1ba\n", "\na1c2d\n", "\n1ß\n");
    }

    @Test
    void convert_isDeterministic() {
        assertThat(HyphenationGrammarConverter.convert(TEX)).isEqualTo(HyphenationGrammarConverter.convert(TEX));
    }

    @Test
    void convert_rejectsWhatIsNoPattern() {
        assertThatThrownBy(() -> HyphenationGrammarConverter.convert("a-b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertedGrammar_hyphenatesWithLiangsAlgorithm() throws IOException {
        InputSource source = new InputSource(new StringReader(
                HyphenationGrammarConverter.convert("1ba\n1ca\nb2ca\n")));
        source.setSystemId("memory:hyphenation.xml");
        HyphenationPatterns patterns = HyphenationPatterns.load(source);

        // A break before each "ba" and "ca", except where "b2ca" outweighs "1ca"; none next to the ends.
        assertThat(patterns.hyphenate("abababa".toCharArray(), 0, 7)).containsExactly(3, 5);
        assertThat(patterns.hyphenate("aabcaa".toCharArray(), 0, 6)).isEmpty();
        assertThat(patterns.hyphenate("aacaa".toCharArray(), 0, 5)).containsExactly(2);
    }

    @Test
    void shippedGrammar_carriesItsLicenceAndEveryPattern() throws IOException {
        String xml;
        try (InputStream in = GermanCompounds.class.getResourceAsStream(GermanCompounds.GRAMMAR_RESOURCE)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("hyph-de-1996.pat.txt", "Permission is hereby granted",
                "<hyphen-char value=\"-\"/>");
        String patterns = xml.substring(xml.indexOf("<patterns>") + 10, xml.indexOf("</patterns>")).strip();
        assertThat(patterns.split("\\s+")).hasSize(35_056);
    }
}
