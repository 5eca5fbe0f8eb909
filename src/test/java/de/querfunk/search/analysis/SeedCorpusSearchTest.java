package de.querfunk.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words inside compounds of real German prose find the paragraph, with language detection on the way. */
class SeedCorpusSearchTest {

    private static TestIndex index;

    @BeforeAll
    static void indexParagraphs() {
        index = new TestIndex(SearchAnalyzers.load());
        List<String> paragraphs = SeedTexts.germanParagraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            index.add("p" + i, text, LanguageDetector.detect(text, Language.ENGLISH));
        }
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "{0} finds paragraph {1}")
    @CsvSource({
        "Rückruf, p0",           // Rückrufservice
        "Warteschleife, p0",
        "Schleife, p0",          // Warteschleife
        "Anbieter, p0",          // Mobilfunkanbieter
        "Leiter, p1",            // Abteilungsleiter, Hauptabteilungsleiter
        "Abteilung, p1",
        "Führung, p1",           // Mitarbeiterführung
        "Entscheidung, p2",      // Kaufentscheidungen
        "Kanal, p2",             // Kommunikationskanäle
        "Management, p2",        // Multikanalmanagement
        "Anfrage, p3",           // Anfragen, Kundenanfragen, Serviceanfragen
        "Suppe, p4",             // Gulaschsuppe
        "Gulasch, p4",
        "Callcenter, p5",
        "Center, p5",            // Callcenter
    })
    void wordInsideACompound_findsTheParagraph(String query, String paragraph) {
        assertThat(index.search(query)).contains(paragraph);
    }

    @Test
    void compoundQuery_findsOnlyParagraphsWithThatCompound() {
        assertThat(index.search("Kundenorientierung")).containsExactlyInAnyOrder("p1", "p5");
        assertThat(index.search("Kundenservice")).containsExactlyInAnyOrder("p3", "p5");
        assertThat(index.search("Kundenanfragen")).containsExactly("p3");
    }
}
