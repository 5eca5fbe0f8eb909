package de.querfunk.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    static List<String> germanParagraphs() {
        return SeedTexts.germanParagraphs();
    }

    static List<String> germanSentences() {
        return SeedTexts.germanParagraphs().stream()
                .flatMap(p -> Arrays.stream(p.split("(?<=[.?!“])\\s+")))
                .filter(s -> s.split("\\s+").length >= 6)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("germanParagraphs")
    void germanParagraph_isGerman_evenWhenTheAuthorPrefersEnglish(String paragraph) {
        assertThat(LanguageDetector.detect(paragraph, Language.ENGLISH)).isEqualTo(Language.GERMAN);
    }

    @ParameterizedTest
    @MethodSource("germanSentences")
    void germanSentence_isGerman(String sentence) {
        assertThat(LanguageDetector.detect(sentence, Language.ENGLISH)).isEqualTo(Language.GERMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Could you please send me the invoice for last month?",
        "The customer called twice because the delivery was late.",
        "We have cancelled the contract and refunded the payment.",
        "Thanks, I'll check the ticket tomorrow and get back to you.",
        "Is the meeting still on for Friday at ten?",
        "Our support team isn't available on public holidays.",
        "Please confirm the cancellation of my subscription."})
    void englishSentence_isEnglish_evenWhenTheAuthorPrefersGerman(String sentence) {
        assertThat(LanguageDetector.detect(sentence, Language.GERMAN)).isEqualTo(Language.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Danke!",
        "Bitte um Rückruf.",
        "Kündigung ist raus",
        "Können wir morgen telefonieren?",
        "Die Rechnung ist angekommen."})
    void shortGermanMessage_isGerman(String message) {
        assertThat(LanguageDetector.detect(message, Language.ENGLISH)).isEqualTo(Language.GERMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OK", "👍", "https://example.org/a/b", "12:30", "Meeting"})
    void textWithoutEvidence_takesTheFallback(String text) {
        assertThat(LanguageDetector.detect(text, Language.GERMAN)).isEqualTo(Language.GERMAN);
        assertThat(LanguageDetector.detect(text, Language.ENGLISH)).isEqualTo(Language.ENGLISH);
    }
}
