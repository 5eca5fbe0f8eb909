package de.querfunk.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * German search through real queries against an in-memory index, once with the recommended setup
 * (compounds split only at index time) and once with the same splitting chain on the query side.
 */
class GermanTextSearchTest {

    private static GermanCompounds compounds;
    private TestIndex index;

    @BeforeAll
    static void loadCompounds() {
        compounds = GermanCompounds.fromClasspath();
    }

    @AfterEach
    void closeIndex() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    static Stream<Arguments> wordFindsDocument() {
        return Stream.of(
                Arguments.of("Kündigung", "Wir haben Ihre Vertragskündigungsbestätigung verschickt."),
                Arguments.of("kündigung", "Wir haben Ihre Vertragskündigungsbestätigung verschickt."),
                Arguments.of("Kuendigung", "Wir haben Ihre Vertragskündigungsbestätigung verschickt."),
                Arguments.of("Bestätigung", "Wir haben Ihre Vertragskündigungsbestätigung verschickt."),
                Arguments.of("Vertrag", "Wir haben Ihre Vertragskündigungsbestätigung verschickt."),
                Arguments.of("Rückruf", "Unser Rückrufservice meldet sich innerhalb einer Stunde."),
                Arguments.of("Service", "Unser Rückrufservice meldet sich innerhalb einer Stunde."),
                Arguments.of("Anfrage", "Die Kundenanfragen stapeln sich seit Montag."),
                Arguments.of("Anfragen", "Die Kundenanfragen stapeln sich seit Montag."),
                Arguments.of("Kunde", "Die Kundenanfragen stapeln sich seit Montag."),
                Arguments.of("Kunde", "Drei Kunden haben angerufen."),
                Arguments.of("Kunden", "Ein Kunde hat angerufen."),
                Arguments.of("Strasse", "Die Lieferadresse ist Hauptstraße 5."),
                Arguments.of("Straße", "Wir wohnen in der Strasse hinter dem Bahnhof."),
                Arguments.of("Strasse", "Wir wohnen in der Straße hinter dem Bahnhof."),
                Arguments.of("Muller", "Frau Müller bittet um Rückruf."),
                Arguments.of("Mueller", "Frau Müller bittet um Rückruf."),
                Arguments.of("Müller", "Herr Mueller bittet um Rückruf."),
                Arguments.of("Rechnung", "Die Stromrechnung ist zu hoch."),
                Arguments.of("Zahlung", "Der Zahlungseingang wurde gebucht."),
                Arguments.of("Adresse", "Bitte die Rechnungsadresse ändern."),
                Arguments.of("Adresse", "Die Adressänderung ist eingegangen."),
                Arguments.of("Änderung", "Die Adressänderung ist eingegangen."),
                Arguments.of("Schule", "Die Schulleitung ruft zurück."),
                Arguments.of("Frist", "Die Kündigungsfrist beträgt drei Monate."),
                Arguments.of("Laufzeit", "Die Vertragslaufzeit endet im Mai."),
                Arguments.of("Arzt", "Sie ist beim Frauenarzt."),
                Arguments.of("Konto", "Das Benutzerkonto ist gesperrt."));
    }

    @ParameterizedTest(name = "{0} finds \"{1}\"")
    @MethodSource("wordFindsDocument")
    void word_findsDocument_withCompoundsWholeInQueries(String query, String text) {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("hit", text)
                .addGerman("other", "Das Wetter ist heute schön und warm.");

        assertThat(index.search(query)).containsExactly("hit");
    }

    @ParameterizedTest(name = "{0} finds \"{1}\"")
    @MethodSource("wordFindsDocument")
    void word_findsDocument_withCompoundsSplitInQueries(String query, String text) {
        index = new TestIndex(SearchAnalyzers.create(compounds, true))
                .addGerman("hit", text)
                .addGerman("other", "Das Wetter ist heute schön und warm.");

        assertThat(index.search(query)).containsExactly("hit");
    }

    @Test
    void compound_doesNotFindUnrelatedWordsThatOnlyHyphenateAlike() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("bestellung", "Ihre Bestellung ist unterwegs.")
                .addGerman("stellung", "Bitte nehmen Sie Stellung zu dem Vorwurf.");

        assertThat(index.search("Stellung")).containsExactly("stellung");
    }

    @Test
    void compoundQuery_staysPrecise_whenQueriesKeepCompoundsWhole() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("compound", "Die Kundenanfrage kam per Mail.")
                .addGerman("apart", "Eine Anfrage eines Kunden kam per Mail.")
                .addGerman("part", "Der Kunde hat angerufen.");

        assertThat(index.search("Kundenanfrage")).containsExactly("compound");
    }

    @Test
    void compoundQuery_alsoFindsItsPartsWrittenApart_whenQueriesSplitCompounds() {
        index = new TestIndex(SearchAnalyzers.create(compounds, true))
                .addGerman("compound", "Die Kundenanfrage kam per Mail.")
                .addGerman("apart", "Eine Anfrage eines Kunden kam per Mail.")
                .addGerman("unrelated", "Das Wetter ist schön.");

        // The compound itself ranks first: it also matches the exact field.
        assertThat(index.search("Kundenanfrage")).containsExactly("compound", "apart");
    }

    @Test
    void exactWord_ranksAboveSubwordMatch() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("subword", "Die Vertragskündigungsbestätigung ist eingegangen.")
                .addGerman("exact", "Die Kündigung ist eingegangen.");

        assertThat(index.search(SearchAnalyzers.TEXT_DE, "Kündigung")).containsExactlyInAnyOrder("exact", "subword");
        assertThat(index.search("Kündigung")).containsExactly("exact", "subword");
    }

    @Test
    void exactWord_ranksAboveStemMatch() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("stem", "Die Kunden warten.")
                .addGerman("exact", "Der Kunde wartet.");

        assertThat(index.search("Kunde")).containsExactly("exact", "stem");
    }

    @Test
    void phrase_matchesWordsInOrderOnTheExactField() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("phrase", "Bitte die Kündigung bestätigen, danke.")
                .addGerman("reordered", "Bestätigen Sie bitte die Kündigung.")
                .addGerman("compound", "Die Kündigungsbestätigung kommt morgen.");

        assertThat(index.search(SearchAnalyzers.TEXT_EXACT, "\"Kündigung bestätigen\"")).containsExactly("phrase");
        assertThat(index.search(SearchAnalyzers.TEXT_EXACT, "\"Kuendigung bestaetigen\"")).containsExactly("phrase");
        assertThat(index.search("\"Kündigung bestätigen\"")).first().isEqualTo("phrase");
    }

    @Test
    void phrase_overAStemmedAndSplitField_stillMatches() {
        index = new TestIndex(SearchAnalyzers.create(compounds, false))
                .addGerman("phrase", "Unser Rückrufservice ruft Kunden zurück.");

        assertThat(index.search(SearchAnalyzers.TEXT_DE, "\"Rückrufservice ruft\"")).containsExactly("phrase");
    }
}
