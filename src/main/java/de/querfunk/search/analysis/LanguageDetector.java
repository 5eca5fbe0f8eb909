package de.querfunk.search.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a text is German or English from plain evidence: function words that only one of
 * the two languages uses ("und", "nicht", "ist" against "the", "and", "is") and letters that only
 * German writes (ä, ö, ü, ß). Deterministic, no model, a few microseconds for a chat message.
 *
 * <p>Where the evidence is missing or even (a greeting, a link, "OK"), the caller's fallback wins,
 * typically the author's preferred language. Words both languages use ("in", "an", "so", "also",
 * "will", "was", "die", "hat", "am") count for neither.
 */
public final class LanguageDetector {

    private static final Set<String> GERMAN_WORDS = Set.of(
            "der", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
            "und", "oder", "aber", "auch", "nicht", "noch", "nur", "schon", "sehr", "doch", "mal",
            "ich", "du", "er", "es", "sie", "wir", "ihr", "ihnen", "mich", "mir", "dich", "dir", "uns", "euch", "sich",
            "mein", "meine", "dein", "deine", "unser", "unsere", "ihre", "sein", "seine",
            "ist", "sind", "bin", "bist", "seid", "wird", "werden", "wurde", "wurden", "haben", "habe",
            "hast", "hatte", "kann", "können", "muss", "müssen", "soll", "sollen", "gibt", "geht",
            "zu", "zum", "zur", "im", "vom", "auf", "aus", "bei", "mit", "für", "über", "unter", "nach",
            "vor", "durch", "gegen", "ohne", "um", "bis", "seit", "von",
            "wenn", "dass", "weil", "ob", "wie", "wer", "wo", "wann", "warum", "welche", "welcher",
            "dies", "diese", "dieser", "dieses", "kein", "keine", "keinen", "alle", "jetzt", "heute",
            "morgen", "gestern", "hier", "dort", "dann", "denn", "immer", "wieder", "mehr", "viel",
            "bitte", "danke", "ja", "nein", "hallo", "gerne", "gern", "leider", "vielen", "grüße");

    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "and", "or", "but", "not", "is", "are", "were", "be", "been", "being",
            "to", "of", "on", "at", "for", "with", "from", "by", "about", "into", "than", "then",
            "this", "that", "these", "those", "it", "its", "you", "your", "yours", "we", "our",
            "they", "their", "them", "he", "she", "his", "her", "him", "i", "my", "me", "us",
            "have", "has", "had", "do", "does", "did", "can", "could", "would", "should", "shall",
            "what", "which", "who", "when", "where", "why", "how", "there", "here", "if", "just",
            "all", "any", "some", "only", "out", "up", "yes", "no", "please", "thanks", "thank",
            "hello", "hi", "new", "get", "got", "today", "tomorrow", "yesterday", "again", "more",
            "very", "sorry", "regards");

    private LanguageDetector() {
    }

    /** German or English for {@code text}; {@code fallback} when the text does not tell. */
    public static Language detect(CharSequence text, Language fallback) {
        if (fallback == null) {
            throw new IllegalArgumentException("a fallback language is required");
        }
        if (text == null) {
            return fallback;
        }
        int german = 0;
        int english = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || (c == '\'' && !word.isEmpty())) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                String w = word.toString().toLowerCase(Locale.ROOT);
                if (GERMAN_WORDS.contains(w)) {
                    german += 2;
                } else if (ENGLISH_WORDS.contains(w) || w.endsWith("'s") || w.endsWith("n't")) {
                    english += 2;
                }
                if (hasGermanLetter(w)) {
                    german++;
                }
                word.setLength(0);
            }
        }
        if (german > english) {
            return Language.GERMAN;
        }
        if (english > german) {
            return Language.ENGLISH;
        }
        return fallback;
    }

    private static boolean hasGermanLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            switch (word.charAt(i)) {
                case 'ä', 'ö', 'ü', 'ß' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
