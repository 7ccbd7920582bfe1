package org.samadhan.chatbot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Citizens' messages as they are really typed, in the four writing styles, and what must be understood of them. */
class UnderstandingTest {

    private static final Understanding UNDERSTANDING = new Understanding(new IntentClassifier());

    /** text, command, language, grievance number or null: the conversation's own words, whole messages only. */
    private record CommandCase(String text, Command command, String language, String number) {
    }

    private static final List<CommandCase> COMMANDS = List.of(
            new CommandCase("MENU", Command.MENU, "en", null),
            new CommandCase("मेनू", Command.MENU, "hi", null),
            new CommandCase("shikayat", Command.FILE, "hi", null),
            new CommandCase("शिकायत करनी है", Command.FILE, "hi", null),
            new CommandCase("new complaint", Command.FILE, "en", null),
            new CommandCase("status", Command.TRACK, "en", null),
            new CommandCase("स्थिति", Command.TRACK, "hi", null),
            new CommandCase("meri shikayat", Command.TRACK, "hi", null),
            new CommandCase("My complaints", Command.TRACK, "en", null),
            new CommandCase("हिंदी", Command.HINDI, "hi", null),
            new CommandCase("English", Command.ENGLISH, "en", null),
            new CommandCase("cancel", Command.CANCEL, "en", null),
            new CommandCase("रद्द करें", Command.CANCEL, "hi", null),
            new CommandCase("back", Command.BACK, "en", null),
            new CommandCase("पीछे", Command.BACK, "hi", null),
            new CommandCase("haan", Command.YES, "hi", null),
            new CommandCase("हाँ", Command.YES, "hi", null),
            new CommandCase("Yes", Command.YES, "en", null),
            new CommandCase("nahi", Command.NO, "hi", null),
            new CommandCase("नहीं", Command.NO, "hi", null));

    /** Free words: what the classifier makes of a few typical messages, and the number and language found. */
    private record Case(String text, Intent intent, String language, String number) {
    }

    private static final List<Case> CASES = List.of(
            new Case("BLD-2026-000123", Intent.STATUS, "en", "BLD-2026-000123"),
            new Case("bld 2026 123 ka kya hua", Intent.STATUS, "hi", "BLD-2026-000123"),
            new Case("Bld/2026/000123 status?", Intent.STATUS, "en", "BLD-2026-000123"),
            new Case("नमस्ते 🙏", Intent.GREETING, "hi", null),
            new Case("STOP", Intent.OPT_OUT, "en", null),
            new Case("START", Intent.OPT_IN, "en", null),
            new Case("3 दिन से लाइट नहीं है", Intent.COMPLAINT, "hi", null),
            new Case("hamare gaon me 10 din se handpump kharab hai", Intent.COMPLAINT, "hi", null),
            new Case("No electricity in our village since Monday", Intent.COMPLAINT, "en", null));

    @Test
    void theConversationsOwnCommandsAreRecognisedAsWholeMessagesOnly() {
        for (CommandCase c : COMMANDS) {
            var reading = UNDERSTANDING.read(c.text());
            assertEquals(c.command(), reading.command(), c.text());
            assertEquals(c.language(), reading.language(), c.text());
            assertEquals(Optional.ofNullable(c.number()), reading.grievanceNumber(), c.text());
        }
        assertEquals(null, UNDERSTANDING.read("menu me kya kya hai, batao").command(), "not the whole message");
    }

    @Test
    void numbersHoweverTypedAskForStatusAndFreeWordsGetTheirIntent() {
        for (Case c : CASES) {
            var reading = UNDERSTANDING.read(c.text());
            assertEquals(null, reading.command(), c.text());
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
    void aLongDescriptionMentioningANumberIsReadForItsMeaning() {
        var reading = UNDERSTANDING.read("Complaint BLD-2026-000123 was closed but the handpump is still broken in "
                + "our village and nobody came");
        assertEquals(Intent.DISSATISFIED, reading.intent());
        assertEquals(Optional.of("BLD-2026-000123"), reading.grievanceNumber());
    }

    @Test
    void noPhraseIsClaimedByTwoCommands() {
        for (Command a : Command.values()) {
            for (Command b : Command.values()) {
                if (a != b) {
                    for (String phrase : Understanding.phrasesOf(a)) {
                        assertEquals(false, Understanding.phrasesOf(b).contains(phrase), phrase);
                    }
                }
            }
        }
    }
}
