package org.samadhan.text;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;

/** Function words of Hindi (Lucene's list), Roman-script Hindi and English, which say nothing about a department. */
final class StopWords {

    private static final List<String> ROMAN_HINDI = List.of("hai", "hain", "he", "hay", "ka", "ki", "ke", "ko",
            "me", "mein", "se", "par", "pe", "aur", "bhi", "nahi", "nahin", "nhi", "nai", "ho", "raha", "rahi", "rahe",
            "gaya", "gayi", "gaye", "tha", "thi", "the", "ne", "kar", "karo", "kare", "liye", "abhi", "tak", "koi",
            "kuch", "ek", "do", "din", "mahine", "saal", "hafte", "hamare", "hamara", "hamari", "mera", "meri",
            "mere", "hum", "ham", "hamar", "ye", "yah", "woh", "wo", "kya", "kab", "jab", "to", "hi", "ji", "please",
            "bahut", "jaldi", "baar", "wala", "wale", "wali", "diya", "liya", "de", "le", "hua", "hui", "hue",
            "rha", "rhi", "gya", "krna", "karna", "karte", "karta", "karti", "hota", "hoti", "hote", "sir", "sahab",
            "mam", "madam", "bhai", "kripya", "krupya", "tarah", "sab", "sabhi", "log", "logo");
    private static final List<String> ENGLISH_MORE = List.of("i", "my", "our", "we", "me", "is", "are", "was", "has",
            "have", "been", "since", "from", "days", "day", "weeks", "week", "months", "month", "years", "year", "not",
            "no", "still", "even", "also", "very", "please", "sir", "madam", "kindly", "us", "them", "they", "he",
            "she", "his", "her", "it", "its", "this", "that", "there", "here", "any", "after", "before", "yet");

    static final CharArraySet ALL = all();

    private StopWords() {
    }

    private static CharArraySet all() {
        CharArraySet stop = new CharArraySet(512, true);
        stop.addAll(HindiAnalyzer.getDefaultStopSet());
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stop.addAll(ROMAN_HINDI);
        stop.addAll(ENGLISH_MORE);
        return CharArraySet.unmodifiableSet(stop);
    }
}
