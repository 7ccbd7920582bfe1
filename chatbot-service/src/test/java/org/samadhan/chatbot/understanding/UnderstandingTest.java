package org.samadhan.chatbot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Citizens' messages as they are really typed, in the four writing styles, and what must be understood of them. */
class UnderstandingTest {

    /** text, intent, language, grievance number or null. */
    private record Case(String text, Intent intent, String language, String number) {
    }

    private static final List<Case> CASES = List.of(
            new Case("Hi", Intent.GREETING, "en", null),
            new Case("hello!!", Intent.GREETING, "en", null),
            new Case("नमस्ते 🙏", Intent.GREETING, "hi", null),
            new Case("Namaste ji", Intent.NONE, "hi", null),
            new Case("namaste", Intent.GREETING, "hi", null),
            new Case("जय जोहार", Intent.GREETING, "hi", null),
            new Case("Ram Ram", Intent.GREETING, "en", null),
            new Case("MENU", Intent.MENU, "en", null),
            new Case("मेनू", Intent.MENU, "hi", null),
            new Case("shikayat", Intent.FILE, "hi", null),
            new Case("शिकायत करनी है", Intent.FILE, "hi", null),
            new Case("new complaint", Intent.FILE, "en", null),
            new Case("status", Intent.TRACK, "en", null),
            new Case("स्थिति", Intent.TRACK, "hi", null),
            new Case("meri shikayat", Intent.TRACK, "hi", null),
            new Case("My complaints", Intent.TRACK, "en", null),
            new Case("BLD-2026-000123", Intent.TRACK, "en", "BLD-2026-000123"),
            new Case("bld 2026 123 ka kya hua", Intent.TRACK, "hi", "BLD-2026-000123"),
            new Case("हिंदी", Intent.HINDI, "hi", null),
            new Case("English", Intent.ENGLISH, "en", null),
            new Case("cancel", Intent.CANCEL, "en", null),
            new Case("रद्द करें", Intent.CANCEL, "hi", null),
            new Case("back", Intent.BACK, "en", null),
            new Case("पीछे", Intent.BACK, "hi", null),
            new Case("haan", Intent.YES, "hi", null),
            new Case("हाँ", Intent.YES, "hi", null),
            new Case("Yes", Intent.YES, "en", null),
            new Case("nahi", Intent.NO, "hi", null),
            new Case("नहीं", Intent.NO, "hi", null),
            new Case("STOP", Intent.STOP, "en", null),
            new Case("START", Intent.START, "en", null),
            new Case("Thank you!", Intent.THANKS, "en", null),
            new Case("धन्यवाद 🙏", Intent.THANKS, "hi", null),
            new Case("3 दिन से लाइट नहीं है", Intent.NONE, "hi", null),
            new Case("hamare gaon me 10 din se handpump kharab hai", Intent.NONE, "hi", null),
            new Case("No electricity in our village since Monday", Intent.NONE, "en", null),
            new Case("transformer jal gaya hai, bijli nahi hai", Intent.NONE, "hi", null),
            new Case("Ration card me naam nahi hai", Intent.NONE, "hi", null),
            new Case("The road to Gurur is full of potholes", Intent.NONE, "en", null));

    @Test
    void realMessagesAreUnderstoodInEveryWritingStyle() {
        for (Case c : CASES) {
            var reading = Understanding.read(c.text());
            assertEquals(c.intent(), reading.intent(), c.text());
            assertEquals(c.language(), reading.language(), c.text());
            assertEquals(Optional.ofNullable(c.number()), reading.grievanceNumber(), c.text());
        }
    }

    @Test
    void freeAnswersToWasItFixedAreReadWithNegationWinning() {
        for (String fixed : List.of("ho gaya, dhanyavaad", "हाँ काम हो गया", "Yes it is fixed now, thanks",
                "ठीक है, धन्यवाद", "bilkul sahi", "santusht hu")) {
            assertEquals(Optional.of(true), Understanding.satisfaction(fixed), fixed);
        }
        for (String notFixed : List.of("काम नहीं हुआ", "theek nahi hua", "abhi bhi pani nahi aa raha",
                "No, still broken", "Not fixed", "असंतुष्ट", "jhooth bol rahe hai, kuch nahi hua")) {
            assertEquals(Optional.of(false), Understanding.satisfaction(notFixed), notFixed);
        }
        for (String neither : List.of("kab aayenge?", "hello", "मेरे खेत में पानी भर गया")) {
            assertEquals(Optional.empty(), Understanding.satisfaction(neither), neither);
        }
    }

    @Test
    void aLongDescriptionMentioningANumberIsStillADescription() {
        var reading = Understanding.read("Complaint BLD-2026-000123 was closed but the handpump is still broken in "
                + "our village and nobody came");
        assertEquals(Intent.NONE, reading.intent());
        assertEquals(Optional.of("BLD-2026-000123"), reading.grievanceNumber());
    }

    @Test
    void noPhraseIsClaimedByTwoIntents() {
        for (Intent a : Intent.values()) {
            for (Intent b : Intent.values()) {
                if (a != b) {
                    for (String phrase : Understanding.phrasesOf(a)) {
                        assertEquals(false, Understanding.phrasesOf(b).contains(phrase), phrase);
                    }
                }
            }
        }
    }
}
