package org.samadhan.text;

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
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns a message, however written (Hindi in Devanagari, Hindi in Roman script, English, mixtures, misspelt), into
 * comparable features with Lucene's analysis chain and ICU transliteration. Each word gives:
 * <ul>
 *   <li>its term: its spelling in Latin letters (Devanagari transliterated with ICU {@code Devanagari-Latin;
 *       Latin-ASCII}), English stemmed (Porter); optionally stop words of Hindi, Roman-script Hindi and English are
 *       dropped first ({@link Settings#stopWords()});</li>
 *   <li>its sound skeleton ({@code ~bjl}): consonants only, aspiration and doubled letters folded, so that the ways one
 *       word is written meet: "बिजली" / "bijli" / "bijali", "पानी" / "paani", "हैंडपंप" / "handpump", "फसल" / "phasal";</li>
 *   <li>its character n-grams ({@code #bij}) of the transliterated word with boundary marks ({@code <bijli>}), so a
 *       slip of one letter or a missing matra ("बिजल", "bijlee", "bjli") still shares most of them.</li>
 * </ul>
 * Thread-safe: Lucene keeps one chain per thread.
 */
public final class TextAnalyzer {

    /** What to keep: whether stop words are dropped, and the character n-gram lengths (0, 0 for none). */
    public record Settings(boolean stopWords, int minGram, int maxGram) {

        /** Complaints: function words say nothing about the department; n-grams of 3 to 5 letters. */
        public static final Settings COMPLAINTS = new Settings(true, 3, 5);

        public Settings {
            if (minGram < 0 || maxGram < minGram) {
                throw new IllegalArgumentException("n-gram lengths must satisfy 0 <= min <= max");
            }
        }
    }

    /**
     * One word of the text: as written, its term, its sound skeleton (null when too short to mean anything) and its
     * character n-grams.
     */
    public record Word(String written, String term, String skeleton, List<String> grams) {

        /** Every feature of this word: term, skeleton, n-grams. */
        public List<String> features() {
            List<String> all = new ArrayList<>(grams.size() + 2);
            all.add(term);
            if (skeleton != null) {
                all.add(skeleton);
            }
            all.addAll(grams);
            return all;
        }
    }

    /** Devanagari into Latin letters without diacritics; the nasal sign becomes n, as people type it. */
    private static final Transliterator TO_LATIN = Transliterator.createFromRules("devanagari-to-latin",
            "::Devanagari-Latin; ṁ > n; ṃ > n; ś > sh; ṣ > sh; ::Latin-ASCII;", Transliterator.FORWARD);
    /** The sound skeleton's rules, applied in this order. */
    private static final List<Rewrite> SKELETON = List.of(
            new Rewrite("[mn](?=[^aeiouy])", "n"), // nasal before a consonant: n (हैंडपंप / handpump)
            new Rewrite("([bcdgjkpstr])h", "$1"),  // aspiration and sh: bh/b, kh/k, ph/p, sh/s
            new Rewrite("f", "p"),                 // fasal / phasal
            new Rewrite("w", "v"),
            new Rewrite("z", "j"),
            new Rewrite("q", "k"),
            new Rewrite("(?<=.)[aeiouy]+", ""),    // vowels after the first letter
            new Rewrite("([a-z])\\1+", "$1"));     // doubled letters

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String pattern, String replacement) {
            this(Pattern.compile(pattern), replacement);
        }
    }

    private final Settings settings;
    private final Analyzer chain;

    public TextAnalyzer(Settings settings) {
        this.settings = settings;
        this.chain = new Chain(settings.stopWords() ? StopWords.ALL : CharArraySet.EMPTY_SET);
    }

    /** The analyser for complaints ({@link Settings#COMPLAINTS}). */
    public TextAnalyzer() {
        this(Settings.COMPLAINTS);
    }

    public Settings settings() {
        return settings;
    }

    /** The words of a text, in order, with their features. */
    public List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = chain.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            KeywordAttribute unstemmed = stream.addAttribute(KeywordAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            String latin = null;
            while (stream.incrementToken()) {
                // KeywordRepeatFilter gives each word twice: first as transliterated (keyword), then stemmed.
                if (unstemmed.isKeyword()) {
                    latin = term.toString();
                } else {
                    String written = text.substring(offset.startOffset(), offset.endOffset());
                    words.add(new Word(written, term.toString(), skeleton(latin), grams(latin)));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
        return words;
    }

    /** Every feature of a text, word by word. */
    public List<String> features(String text) {
        List<String> features = new ArrayList<>();
        words(text).forEach(w -> features.addAll(w.features()));
        return features;
    }

    /** Terms and skeletons only, without n-grams: the features of a model that counts words. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        List<Word> words = words(text);
        words.forEach(w -> terms.add(w.term()));
        words.stream().map(Word::skeleton).filter(s -> s != null).forEach(terms::add);
        return terms;
    }

    static String skeleton(String latin) {
        String s = latin;
        for (Rewrite rule : SKELETON) {
            s = rule.pattern().matcher(s).replaceAll(rule.replacement());
        }
        return s.length() < 2 || s.length() > 40 ? null : "~" + s;
    }

    private List<String> grams(String latin) {
        if (settings.maxGram() == 0) {
            return List.of();
        }
        String marked = "<" + latin + ">";
        List<String> grams = new ArrayList<>();
        for (int n = settings.minGram(); n <= settings.maxGram(); n++) {
            for (int i = 0; i + n <= marked.length(); i++) {
                grams.add("#" + marked.substring(i, i + n));
            }
        }
        return grams;
    }

    /** Word splitting, Indic normalisation, stop words, transliteration; each word then unstemmed and stemmed. */
    private static final class Chain extends Analyzer {
        private final CharArraySet stop;

        Chain(CharArraySet stop) {
            this.stop = stop;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream s = new TypeTokenFilter(tokenizer, Set.of("<NUM>", "<EMOJI>")); // dates, amounts, emoji
            s = new LowerCaseFilter(s);
            s = new IndicNormalizationFilter(s);
            s = new StopFilter(s, stop);
            s = new ICUTransformFilter(s, TO_LATIN);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, stop); // transliterated Hindi function words, too
            s = new KeywordRepeatFilter(s);
            return new TokenStreamComponents(tokenizer, new PorterStemFilter(s));
        }
    }
}
