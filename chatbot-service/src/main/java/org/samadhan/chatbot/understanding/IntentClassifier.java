package org.samadhan.chatbot.understanding;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.samadhan.text.LabelledText;
import org.samadhan.text.LabelledTexts;
import org.samadhan.text.LinearTextClassifier;
import org.samadhan.text.Prediction;
import org.samadhan.text.Scored;
import org.samadhan.text.TextAnalyzer;
import org.samadhan.text.TextClassifier;

/**
 * The intent of free words, from a calibrated linear classifier (text-classification) trained at start-up on the
 * examples written for it ({@code intents/train.tsv}; a few hundred lines, a few seconds of start-up). Emoji are spelt
 * out as words first ("👍" becomes {@code emojithumbsupsign}), so the classifier learns them from the examples like any
 * word; a message with nothing to read at all ("...", "??") is GIBBERISH.
 */
@ApplicationScoped
public class IntentClassifier implements TextClassifier {

    /** The training examples, on the classpath. */
    public static final String TRAINING = "/intents/train.tsv";
    /** Function words carry intent ("mat", "nahi", "don't"), so none are dropped; n-grams of 2 to 5 letters. */
    static final TextAnalyzer.Settings ANALYSIS = new TextAnalyzer.Settings(false, 2, 5);

    private final LinearTextClassifier classifier;

    public IntentClassifier() {
        this(LabelledTexts.resource(IntentClassifier.class, TRAINING));
    }

    IntentClassifier(List<LabelledText> examples) {
        this.classifier = LinearTextClassifier.train(new TextAnalyzer(ANALYSIS), examples.stream()
                .map(e -> new LabelledText(e.label(), e.style(), spelledOut(e.text()))).toList());
    }

    /** The most likely intent and the classifier's confidence in it. */
    public Classified intentOf(String text) {
        Scored best = classify(text).best();
        return new Classified(Intent.valueOf(best.label()), best.confidence());
    }

    @Override
    public Prediction classify(String text) {
        String words = spelledOut(text == null ? "" : text);
        if (Understanding.normalise(words).isEmpty()) {
            return new Prediction(List.of(new Scored(Intent.GIBBERISH.name(), 1.0)), List.of());
        }
        return classifier.classify(words);
    }

    /** Each emoji (a symbol with a Unicode name) as one word; skin tones and variation selectors dropped. */
    static String spelledOut(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.OTHER_SYMBOL && Character.getName(cp) != null) {
                out.append(" emoji").append(Character.getName(cp).toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z]", "")).append(' ');
            } else if (type != Character.MODIFIER_SYMBOL && type != Character.NON_SPACING_MARK
                    || Character.isLetter(cp) || isIndicMark(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Devanagari vowel signs and the like are non-spacing marks too, and belong to their word. */
    private static boolean isIndicMark(int cp) {
        return Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.DEVANAGARI;
    }

    /** An intent with the confidence in it (0..1). */
    public record Classified(Intent intent, double confidence) {
    }
}
