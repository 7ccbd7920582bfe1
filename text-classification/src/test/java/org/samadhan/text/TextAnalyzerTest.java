package org.samadhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void spellingsOfOneWordInEitherScriptShareTheirSoundSkeleton() {
        for (List<String> sameWord : List.of(List.of("बिजली", "bijli", "bijali", "bijlee"), List.of("पानी", "paani", "pani"),
                List.of("हैंडपंप", "handpump"), List.of("फसल", "fasal", "phasal"), List.of("शराब", "sharab"))) {
            Set<String> shared = new HashSet<>(analyzer.features(sameWord.get(0)));
            sameWord.forEach(w -> shared.retainAll(analyzer.features(w)));
            assertTrue(shared.stream().anyMatch(f -> f.startsWith("~")), sameWord + " share no sound skeleton");
        }
    }

    @Test
    void aSlipOfOneLetterOrAMissingMatraKeepsMostCharacterNgrams() {
        for (List<String> pair : List.of(List.of("ट्रांसफार्मर", "ट्रांसफमर"), List.of("transformer", "transfarmer"),
                List.of("अस्पताल", "असपताल"), List.of("electricity", "electricty"), List.of("स्कूल", "सकूल"))) {
            Set<String> a = grams(pair.get(0));
            Set<String> b = grams(pair.get(1));
            Set<String> shared = new HashSet<>(a);
            shared.retainAll(b);
            assertTrue(shared.size() >= 0.5 * Math.min(a.size(), b.size()), pair + " share only " + shared);
        }
    }

    @Test
    void eachWordKeepsHowItWasWrittenAndFunctionWordsAreDroppedForComplaints() {
        List<TextAnalyzer.Word> words = analyzer.words("हमारे गाँव में बिजली नहीं है");
        assertEquals(List.of("गाँव", "बिजली"), words.stream().map(TextAnalyzer.Word::written).toList());
        assertEquals("bijali", words.get(1).term());
        assertEquals("~bjl", words.get(1).skeleton());
        assertTrue(words.get(1).grams().containsAll(List.of("#<bi", "#bij", "#li>", "#<bija", "#ali>")));
    }

    @Test
    void withoutStopWordsFunctionWordsStayForClassifiersThatNeedThem() {
        var keepAll = new TextAnalyzer(new TextAnalyzer.Settings(false, 0, 0));
        List<String> terms = keepAll.words("meri shikayat ka kya hua").stream().map(TextAnalyzer.Word::term).toList();
        assertEquals(List.of("meri", "shikayat", "ka", "kya", "hua"), terms);
        assertTrue(keepAll.words("kya hua").stream().allMatch(w -> w.grams().isEmpty()));
    }

    @Test
    void englishIsStemmedSoFormsOfOneWordMeet() {
        assertEquals(analyzer.words("streetlights").get(0).term(), analyzer.words("streetlight").get(0).term());
    }

    private Set<String> grams(String word) {
        return new HashSet<>(analyzer.words(word).get(0).grams());
    }
}
