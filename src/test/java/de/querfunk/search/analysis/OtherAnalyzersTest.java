package de.querfunk.search.analysis;

import static de.querfunk.search.analysis.AnalysisAssertions.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class OtherAnalyzersTest {

    @Test
    void english_stemsPluralsAndVerbFormsLightly() {
        EnglishTextAnalyzer english = new EnglishTextAnalyzer();

        assertThat(tokens(english, "The customer's invoices were cancelled and refunded"))
                .containsExactly("customer", "invoice", "were", "cancel", "refund");
        assertThat(tokens(english, "university universe organization organ"))
                .doesNotHaveDuplicates();
        assertThat(tokens(english, "Café naïve résumé")).containsExactly("cafe", "naive", "resume");
    }

    @Test
    void exact_onlyLowerCasesAndFolds() {
        ExactAnalyzer exact = new ExactAnalyzer();

        assertThat(tokens(exact, "Die Straße, Herr Müller und Herr Mueller im Café"))
                .containsExactly("die", "strasse", "herr", "muller", "und", "herr", "muller", "im", "cafe");
        assertThat(tokens(exact, "Vertragskündigungsbestätigung Kunden"))
                .containsExactly("vertragskundigungsbestatigung", "kunden");
    }

    @Test
    void english_findsTheSingularForAPluralQuery() throws IOException {
        try (TestIndex index = new TestIndex(SearchAnalyzers.create(GermanCompounds.withDictionary(List.of()), false))) {
            index.add("invoice", "Please pay the invoice by Friday.", Language.ENGLISH)
                    .add("cancel", "We cancel the contract.", Language.ENGLISH)
                    .add("other", "The weather is nice today.", Language.ENGLISH);

            assertThat(index.search("invoices")).containsExactly("invoice");
            assertThat(index.search("Invoice's")).containsExactly("invoice");
            assertThat(index.search("cancelled")).containsExactly("cancel");
        }
    }

    @Test
    void languageTag_isParsedLeniently() {
        assertThat(Language.fromTag("de-AT")).contains(Language.GERMAN);
        assertThat(Language.fromTag("en_GB")).contains(Language.ENGLISH);
        assertThat(Language.fromTag("fr")).isEmpty();
        assertThat(Language.fromTag(null)).isEmpty();
    }
}
