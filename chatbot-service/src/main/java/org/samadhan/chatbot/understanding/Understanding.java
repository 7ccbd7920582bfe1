package org.samadhan.chatbot.understanding;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a citizen's message as people in the district write it: Hindi in Devanagari (with Chhattisgarhi phrasing),
 * Hindi in Roman script, English, and mixtures. Deterministic first: the conversation's own short commands when they
 * are the whole message ({@link Command}), and a grievance number however typed with a few words around it (STATUS).
 * Everything else is free text, whose meaning the intent classifier gives ({@link IntentClassifier}); opt-out and
 * opt-in are decided here and nowhere else.
 */
@ApplicationScoped
public class Understanding {

    /**
     * What was understood: a command (when the whole message is one, else null), or else the intent of the words;
     * {@code language} is "hi" or "en".
     */
    public record Reading(Intent intent, Command command, String language, Optional<String> grievanceNumber) {
        public boolean is(Intent wanted) {
            return command == null && intent == wanted;
        }

        public boolean is(Command wanted) {
            return command == wanted;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\b([A-Za-z]{3})[-/ ]?(\\d{4})[-/ ]?(\\d{1,6})\\b");
    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");
    /** Longest phrases first, so "my complaints" wins over "complaint". Keys are normalised (see {@link #norm}). */
    private static final Map<String, Command> PHRASES = new LinkedHashMap<>();
    /**
     * Roman-script words that mark a message as Hindi rather than English; none that is also an English word people
     * use here ("me", "ration"), so "don't message me again" is answered in English.
     */
    private static final Set<String> ROMAN_HINDI = Set.of("hai", "hain", "nahi", "nahin", "nhi", "shikayat",
            "shikayath", "bijli", "pani", "paani", "kab", "mera", "meri", "mere", "hamare", "hamara", "gaon", "gao",
            "sadak", "raha", "rahi", "rahe", "karo", "kare", "karein", "gaya", "gayi", "haan", "han", "kya", "se",
            "din", "ki", "ka", "ke", "ko", "dhanyavaad", "dhanyawad", "namaste", "namaskar", "ji", "bhai", "aur",
            "mein", "nal", "batti", "khaad", "kripya", "sahayata", "madad", "sthiti", "haal", "mujhe", "mujhko", "mat",
            "bhejo", "bhejna", "bhejiye", "band", "kr", "kro", "krna", "karna", "kijiye", "chahiye", "phir", "fir",
            "dobara", "chalu", "shuru", "kaise", "kaam", "hua", "hoga", "bahut", "bhaiya", "didi", "mola", "mor",
            "hamar", "jhan", "nai", "ram", "johar", "jai", "pranam", "shukriya", "theek", "thik", "kyon", "kyu");

    /** Word sequences (normalised, padded with spaces) that answer "was it fixed?". */
    private static final List<String> NOT_SATISFIED = padded("nahi", "nahin", "nhi", "nai", "नहीं", "नही",
            "no", "not", "never", "na", "ना", "asantusht", "असंतुष्ट", "abhi bhi", "अभी भी", "ab bhi", "अब भी",
            "still", "jhooth", "jhoot", "झूठ", "galat", "गलत", "wrong", "fake", "kharab", "खराब", "unsatisfied",
            "dissatisfied");
    private static final List<String> SATISFIED = padded("ho gaya", "ho gayi", "ho gai", "hogaya", "हो गया",
            "हो गई", "हो गयी", "theek", "thik", "ठीक", "solved", "fixed", "done", "resolved", "satisfied", "santusht",
            "संतुष्ट", "dhanyavaad", "dhanyawad", "dhanyavad", "धन्यवाद", "thanks", "thank you", "shukriya",
            "शुक्रिया", "badhiya", "बढ़िया", "yes", "haan", "han", "हाँ", "हां", "ji haan", "जी हाँ", "sahi", "सही");

    static {
        phrase(Command.TRACK, "my complaints", "my complaint", "complaint status", "meri shikayat", "meri shikayatein",
                "मेरी शिकायत", "मेरी शिकायतें", "शिकायत की स्थिति", "status", "स्टेटस", "स्थिति", "sthiti", "track");
        phrase(Command.FILE, "new complaint", "file complaint", "file a complaint", "nayi shikayat", "नई शिकायत",
                "शिकायत दर्ज", "शिकायत दर्ज करें", "complaint", "shikayat", "शिकायत", "शिकायत करनी है",
                "shikayat karni hai");
        phrase(Command.MENU, "menu", "मेनू", "मेन्यू", "main menu", "options");
        phrase(Command.HINDI, "hindi", "हिंदी", "हिन्दी", "हिंदी में");
        phrase(Command.ENGLISH, "english", "इंग्लिश", "अंग्रेजी", "अंग्रेज़ी", "in english");
        phrase(Command.CANCEL, "cancel", "रद्द", "radd", "रद्द करें", "band karo", "बंद करो", "chhodo", "छोड़ो");
        phrase(Command.BACK, "back", "पीछे", "piche", "peeche", "वापस", "wapas");
        phrase(Command.YES, "yes", "haan", "han", "ha", "ji", "ji haan", "हाँ", "हां", "जी", "जी हाँ", "ok", "okay",
                "theek hai", "ठीक है", "sahi", "सही");
        phrase(Command.NO, "no", "nahi", "nahin", "nhi", "नहीं", "नही", "na", "ना", "galat", "गलत");
    }

    private final IntentClassifier classifier;

    public Understanding(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    public Reading read(String text) {
        String written = text == null ? "" : text;
        String normalised = normalise(written);
        Optional<String> number = grievanceNumber(written);
        String language = language(written);
        Command command = PHRASES.get(normalised);
        if (command != null) {
            return new Reading(null, command, language, number);
        }
        if (number.isPresent()) {
            // A number with a few words around it ("BLD-2026-123 ka kya hua") asks about it; a long text mentioning
            // one is read for its meaning.
            String rest = normalise(NUMBER.matcher(written).replaceFirst(" "));
            if (rest.isEmpty() || rest.split(" ").length <= 4) {
                return new Reading(Intent.STATUS, null, language, number);
            }
        }
        return new Reading(classifier.intentOf(written).intent(), null, language, number);
    }

    /**
     * Whether a short free answer says the problem was fixed ("ho gaya, dhanyavaad", "काम हो गया") or not ("काम नहीं
     * हुआ", "abhi bhi pani nahi aa raha"); empty when it says neither. A negation anywhere wins: "theek nahi hua" is
     * not satisfied.
     */
    public static Optional<Boolean> satisfaction(String text) {
        String words = " " + normalise(text == null ? "" : text) + " ";
        if (NOT_SATISFIED.stream().anyMatch(words::contains)) {
            return Optional.of(false);
        }
        if (SATISFIED.stream().anyMatch(words::contains)) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /** "hi" when written in Devanagari or in Roman-script Hindi, else "en". */
    public static String language(String text) {
        if (DEVANAGARI.matcher(text).find()) {
            return "hi";
        }
        long hindiWords = Arrays.stream(normalise(text).split(" ")).filter(ROMAN_HINDI::contains).count();
        return hindiWords >= 1 ? "hi" : "en";
    }

    /** A grievance number however it was typed ("bld 2026 123", "BLD-2026-000123"), in its canonical form. */
    public static Optional<String> grievanceNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s-%s-%06d", m.group(1).toUpperCase(Locale.ROOT), m.group(2),
                Integer.parseInt(m.group(3))));
    }

    /** Lower case, NFC, punctuation and emoji dropped, single spaces: "  Namaste!! 🙏 " becomes "namaste". */
    public static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return nfc.replaceAll("[^\\p{L}\\p{M}\\p{N} ]", " ").trim().replaceAll("\\s+", " ");
    }

    private static List<String> padded(String... phrases) {
        return Arrays.stream(phrases).map(p -> " " + normalise(p) + " ").toList();
    }

    private static void phrase(Command command, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.putIfAbsent(normalise(phrase), command);
        }
    }

    /** Every phrase recognised as {@code command}, for tests and the README. */
    static List<String> phrasesOf(Command command) {
        return PHRASES.entrySet().stream().filter(e -> e.getValue() == command).map(Map.Entry::getKey).toList();
    }
}
