package de.querfunk.search.analysis;

import static de.querfunk.search.analysis.AnalysisAssertions.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class GermanCompoundsTest {

    private static GermanCompounds compounds;
    private static GermanTextAnalyzer splitting;

    @BeforeAll
    static void load() {
        compounds = GermanCompounds.fromClasspath();
        splitting = GermanTextAnalyzer.withCompoundSplitting(compounds);
    }

    @Test
    void fromClasspath_loadsTheWholeGrammarAndDictionary() {
        assertThat(compounds.patternCount()).isEqualTo(35_056);
        assertThat(compounds.dictionarySize()).isBetween(2_000, 50_000);
    }

    @Test
    void hyphenate_followsTheTexPatterns() {
        assertThat(compounds.hyphenate("Vertragskündigungsbestätigung")).isEqualTo("ver-trags-kün-di-gungs-be-stä-ti-gung");
        assertThat(compounds.hyphenate("Kundendaten")).isEqualTo("kun-den-da-ten");
        assertThat(compounds.hyphenate("Rückrufservice")).isEqualTo("rück-ruf-ser-vice");
        assertThat(compounds.hyphenate("Straßenbahn")).isEqualTo("stra-ßen-bahn");
        assertThat(compounds.hyphenate("Ei")).isEqualTo("ei");
        assertThat(compounds.hyphenate("Car2Go")).isEqualTo("car2go");
    }

    @Test
    void dictionary_knowsEveryWayAnUmlautIsWritten() {
        assertThat(compounds.isSubword("Kündigung")).isTrue();
        assertThat(compounds.isSubword("kundigung")).isTrue();
        assertThat(compounds.isSubword("kuendigung")).isTrue();
        assertThat(compounds.isSubword("strasse")).isTrue();
        assertThat(compounds.isSubword("kundenservice")).isFalse();
    }

    @Test
    void compound_isIndexedWithItsPartsAtItsOwnPosition() {
        assertThat(tokens(splitting, "Die Vertragskündigungsbestätigung kam"))
                .containsExactly("vertragskundigungsbestatigung+vertrag+kundigung+bestatigung", "kam");
        assertThat(tokens(splitting, "Rückrufservice")).containsExactly("ruckrufservic+ruckruf+servic");
        assertThat(tokens(splitting, "Kundenanfragen")).containsExactly("kundenanfrag+kund+anfrag");
        assertThat(tokens(splitting, "Hauptabteilungsleiter")).containsExactly("hauptabteilungsleit+haupt+abteilung+leit");
    }

    @Test
    void compoundWrittenWithoutUmlauts_isSplitToo() {
        assertThat(tokens(splitting, "Vertragskuendigung")).containsExactly("vertragskundigung+vertrag+kundigung");
        assertThat(tokens(splitting, "Strassenbahn")).containsExactly("strassenbahn+strass+bahn");
    }

    @Test
    void dictionaryWord_isNotSplitIntoWhatItMerelyContains() {
        assertThat(tokens(splitting, "Bestellung Anfrage Rückruf")).containsExactly("bestellung", "anfrag", "ruckruf");
    }

    @Test
    void withoutSplitting_theChainOnlyNormalisesAndStems() {
        assertThat(tokens(GermanTextAnalyzer.withoutCompoundSplitting(), "Die Kunden der Vertragskündigungsbestätigung über die Straße"))
                .containsExactly("kund", "vertragskundigungsbestatigung", "strass");
    }

    @Test
    void customDictionary_decidesWhichPiecesAreWords() {
        GermanCompounds tiny = GermanCompounds.withDictionary(List.of("Rückruf"));
        assertThat(tokens(GermanTextAnalyzer.withCompoundSplitting(tiny), "Rückrufservice"))
                .containsExactly("ruckrufservic+ruckruf");
    }

    /**
     * Why the server has its own pattern table: Lucene's HyphenationTree addresses its nodes with
     * 16-bit chars and silently drops patterns of a grammar this large. Should a Lucene release
     * lift the limit, this test fails and HyphenationCompoundWordTokenFilter becomes an option.
     */
    @Test
    void lucenesHyphenationTree_cannotHoldTheGermanGrammar() throws Exception {
        HyphenationTree tree = new HyphenationTree();
        try (InputStream in = GermanCompounds.class.getResourceAsStream(GermanCompounds.GRAMMAR_RESOURCE)) {
            InputSource source = new InputSource(in);
            source.setSystemId(GermanCompounds.class.getResource(GermanCompounds.GRAMMAR_RESOURCE).toExternalForm());
            tree.loadPatterns(source);
        }
        assertThat(tree.size()).isLessThan(compounds.patternCount());
    }
}
