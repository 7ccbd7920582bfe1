package org.samadhan.routing.classifier;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a complaint, however written (Hindi in Devanagari, Hindi in Roman script, English, mixtures, misspelt), into
 * comparable terms with Lucene's analysis chains and ICU transliteration. Each word gives two terms:
 * <ul>
 *   <li>its spelling in Latin letters: Devanagari is transliterated (ICU {@code Devanagari-Latin; Latin-ASCII}), then
 *       stop words of Hindi, Roman-script Hindi and English are dropped and English is stemmed (Porter);</li>
 *   <li>its sound skeleton ({@code ~bjl}): consonants only, aspiration and doubled letters folded, so that the ways one
 *       word is written meet: "बिजली" / "bijli" / "bijali", "पानी" / "paani" / "pani", "हैंडपंप" / "handpump",
 *       "फसल" / "fasal" / "phasal".</li>
 * </ul>
 */
public final class ComplaintAnalyzer {

    /** Roman-script Hindi function words, which say nothing about the department. */
    private static final Set<String> ROMAN_HINDI_STOP = Set.of("hai", "hain", "he", "hay", "ka", "ki", "ke", "ko",
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
    private static final CharArraySet STOP = stopWords();
    /** Devanagari into Latin letters without diacritics; the nasal sign becomes n, as people type it. */
    private static final Transliterator TO_LATIN = Transliterator.createFromRules("devanagari-to-latin",
            "::Devanagari-Latin; ṁ > n; ṃ > n; ś > sh; ṣ > sh; ::Latin-ASCII;", Transliterator.FORWARD);

    private final Analyzer words = new Chain(false);
    private final Analyzer sounds = new Chain(true);

    /** The terms of a text: its words' spellings, then their sound skeletons. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        collect(words, text, terms);
        collect(sounds, text, terms);
        return terms;
    }

    private static void collect(Analyzer analyzer, String text, List<String> into) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                into.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
    }

    /** The shared chain, ending in English stemming (words) or in the sound skeleton (sounds). */
    private static final class Chain extends Analyzer {
        private final boolean skeleton;

        Chain(boolean skeleton) {
            this.skeleton = skeleton;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream s = new TypeTokenFilter(tokenizer, Set.of("<NUM>", "<EMOJI>")); // dates, amounts, emoji
            s = new LowerCaseFilter(s);
            s = new IndicNormalizationFilter(s);
            s = new StopFilter(s, STOP);
            s = new ICUTransformFilter(s, TO_LATIN);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, STOP); // transliterated Hindi function words, too
            if (!skeleton) {
                return new TokenStreamComponents(tokenizer, new PorterStemFilter(s));
            }
            s = replace(s, "[mn](?=[^aeiouy])", "n");      // nasal before a consonant: n (हैंडपंप / handpump)
            s = replace(s, "([bcdgjkpstr])h", "$1");        // aspiration and sh: bh/b, kh/k, ph/p, sh/s
            s = replace(s, "f", "p");                       // fasal / phasal
            s = replace(s, "w", "v");
            s = replace(s, "z", "j");
            s = replace(s, "q", "k");
            s = replace(s, "(?<=.)[aeiouy]+", "");          // vowels after the first letter
            s = replace(s, "([a-z])\\1+", "$1");            // doubled letters
            s = new LengthFilter(s, 2, 40);
            return new TokenStreamComponents(tokenizer, replace(s, "^", "~"));
        }

        private static TokenStream replace(TokenStream s, String pattern, String replacement) {
            return new PatternReplaceFilter(s, Pattern.compile(pattern), replacement, true);
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(512, true);
        stop.addAll(HindiAnalyzer.getDefaultStopSet());
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stop.addAll(ROMAN_HINDI_STOP);
        stop.addAll(ENGLISH_MORE);
        return stop;
    }
}
