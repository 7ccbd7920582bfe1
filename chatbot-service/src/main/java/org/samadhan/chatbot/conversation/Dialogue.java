package org.samadhan.chatbot.conversation;

import static org.samadhan.chatbot.conversation.BotTexts.ask;
import static org.samadhan.chatbot.conversation.BotTexts.button;
import static org.samadhan.chatbot.conversation.BotTexts.say;
import static org.samadhan.chatbot.conversation.BotTexts.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samadhan.chatbot.config.ChatbotConfig;
import org.samadhan.chatbot.persistence.CitizenGrievance;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.chatbot.understanding.Command;
import org.samadhan.chatbot.understanding.Intent;
import org.samadhan.chatbot.understanding.Understanding;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.FeedbackButtons;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;

/**
 * The conversation with a citizen: given where it stands and what they said, moves it on and says what to reply and
 * which grievance commands to issue. Commands that make sense at any moment (menu, cancel, back, language, status,
 * STOP / START) are understood at every step; taps carry what they act on in their ids (the draft, the grievance),
 * so a tap on an old message is applied when it still makes sense and answered politely when it does not.
 */
@ApplicationScoped
public class Dialogue {

    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");
    private static final String ISSUER = "chatbot-service";

    private final ChatbotConfig config;
    private final ChatbotMetrics metrics;
    private final Understanding understanding;
    private final Verdicts verdicts;

    public Dialogue(ChatbotConfig config, ChatbotMetrics metrics, Understanding understanding) {
        this.config = config;
        this.metrics = metrics;
        this.understanding = understanding;
        this.verdicts = new Verdicts(metrics);
    }

    /** Everything one citizen message leads to, for the citizen's conversation {@code c}. */
    public Turn respond(Conversation c, Said said, String district, Instant now, CitizenGrievances grievances)
            throws SQLException {
        Turn t = new Turn();
        TurnContext x = new TurnContext(c, said.messageId(), district, now, grievances, t);
        if (c.isNew()) {
            metrics.conversationStarted(c.language());
        }
        Understanding.Reading reading = said.kind() == Said.Kind.TEXT ? understanding.read(said.text()) : null;
        if (c.step() == Step.FEEDBACK_REASON && !isReason(said, reading)) {
            boolean skipped = said.kind() == Said.Kind.TAP && said.tapId().startsWith("reason:skip:");
            verdicts.sendNotSatisfied(x, null, skipped);
            if (skipped) {
                return t;
            }
        } else if (c.step().isFiling() && c.draft() != null && c.lastActive().plus(config.draftIdleAfter())
                .isBefore(now)) {
            c.step(Step.IDLE); // away too long for "what comes next" to hold: the draft waits to be resumed
        }
        switch (said.kind()) {
            case TEXT -> understand(x, said, reading);
            case TAP -> tap(x, said);
            case LOCATION -> located(x, said.location());
            case MEDIA -> media(x, said);
            case REACTION -> t.reply(say(text(c.language(), "reaction")));
            case UNSUPPORTED -> t.reply(say(text(c.language(), "unsupported")));
            case SILENT -> { }
        }
        return t;
    }

    /** The wait for a "not satisfied" reason is over: the answer goes without it. */
    public Turn reasonNotGiven(Conversation c, String district, Instant now, CitizenGrievances grievances)
            throws SQLException {
        Turn t = new Turn();
        verdicts.sendNotSatisfied(new TurnContext(c, null, district, now, grievances, t), null, false);
        return t;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Words
    // ---------------------------------------------------------------------------------------------------------------

    private void understand(TurnContext x, Said said, Understanding.Reading reading) throws SQLException {
        if (reading.command() != null) {
            command(x, said, reading);
        } else if (interrupts(x.c().step(), reading.intent())) {
            intent(x, said, reading);
        } else {
            words(x, said, reading);
        }
    }

    /** The conversation's own commands, understood at every step. */
    private void command(TurnContext x, Said said, Understanding.Reading reading) throws SQLException {
        switch (reading.command()) {
            case HINDI -> switchLanguage(x, "hi");
            case ENGLISH -> switchLanguage(x, "en");
            case MENU -> menu(x, null);
            case FILE -> {
                if (x.c().draft() != null) {
                    offerResume(x);
                } else {
                    startFiling(x);
                }
            }
            case CANCEL -> cancel(x);
            case BACK -> back(x);
            case TRACK -> x.tracking().open();
            case YES, NO -> words(x, said, reading);
        }
    }

    /**
     * Whether an intent is acted on at this step rather than taken as the step's answer: opt-out and opt-in always;
     * while the place is asked for, nothing else (a village's name is no greeting); at the other filing steps status,
     * greeting and help (other words there are the step's answer, as asked).
     */
    private static boolean interrupts(Step step, Intent intent) {
        return switch (step) {
            case IDLE -> true;
            case LOCATE, VILLAGE -> intent == Intent.OPT_OUT || intent == Intent.OPT_IN;
            case DESCRIBE, REVIEW, PHOTO, FEEDBACK_REASON -> GLOBAL.contains(intent);
        };
    }

    /** What each intent leads to, at any step it interrupts. */
    private void intent(TurnContext x, Said said, Understanding.Reading reading) throws SQLException {
        Conversation c = x.c();
        Optional<CitizenGrievance> resolved = c.step() != Step.IDLE ? Optional.empty()
                : reading.grievanceNumber().isPresent() // the one they name, if it awaits their answer
                ? x.grievances().byNumber(c.citizenRef(), reading.grievanceNumber().get())
                        .filter(CitizenGrievance::awaitsFeedback)
                : x.grievances().awaitingFeedback(c.citizenRef());
        if (resolved.isPresent() && ANSWERS.contains(reading.intent())
                && Understanding.satisfaction(said.words()).isPresent()) {
            verdicts.inWords(x, resolved.get(), said.words(), reading); // "ho gaya, dhanyavaad", "काम नहीं हुआ, ..."
            return;
        }
        switch (reading.intent()) {
            case OPT_OUT -> optOut(x, MessagingPreference.Choice.OPT_OUT, "stop");
            case OPT_IN -> optOut(x, MessagingPreference.Choice.OPT_IN, "start");
            case GREETING -> {
                if (c.draft() != null) {
                    offerResume(x);
                } else {
                    menu(x, "greeting");
                }
            }
            case STATUS -> {
                if (reading.grievanceNumber().isPresent()) {
                    x.tracking().number(reading.grievanceNumber().get());
                } else {
                    x.tracking().open();
                }
            }
            case THANKS -> x.t().reply(say(text(x.lang(), "welcome")));
            case HELP -> menu(x, "help");
            case OUT_OF_SCOPE -> menu(x, "out_of_scope");
            case ABUSE -> x.t().reply(say(text(x.lang(), "abuse")));
            case GIBBERISH -> menu(x, "not_understood");
            case DISSATISFIED -> x.reopening().offer(reading.grievanceNumber());
            case COMPLAINT -> {
                if (c.draft() != null) {
                    metrics.draftAbandoned(Step.IDLE); // a new complaint instead of the one left unfinished
                }
                c.draft(null);
                describe(x, said.words());
            }
        }
    }

    /**
     * The citizen's opt-out or opt-in, decided here and only here: published (whatsapp.preferences.v1) with the
     * reply that confirms it, and applied by notification-service. Any unfinished complaint waits as it was.
     */
    private void optOut(TurnContext x, MessagingPreference.Choice choice, String confirmation) {
        x.t().preference(choice);
        x.t().reply(say(text(x.lang(), confirmation)));
    }

    /** Free words (or yes / no / thanks), read according to the step. */
    private void words(TurnContext x, Said said, Understanding.Reading reading) throws SQLException {
        Conversation c = x.c();
        String words = said.words();
        switch (c.step()) {
            case FEEDBACK_REASON -> verdicts.sendNotSatisfied(x, words, true);
            case DESCRIBE -> describe(x, words);
            case LOCATE -> {
                Optional<String> block = blockIn(words);
                c.draft(c.draft().at(new GrievanceCommand.Location(null, null, block.orElse(null), words)));
                next(x, null);
            }
            case VILLAGE -> {
                c.draft(c.draft().at(new GrievanceCommand.Location(null, null, c.draft().block(), words)));
                next(x, null);
            }
            case REVIEW -> {
                if (reading.is(Command.YES)) {
                    submit(x);
                } else if (reading.is(Command.NO)) {
                    prompt(x, null);
                } else {
                    c.draft(c.draft().describedAs(words));
                    prompt(x, "review.added");
                }
            }
            case PHOTO -> {
                if (reading.is(Command.NO)) {
                    goTo(x, Step.REVIEW, null);
                } else {
                    c.draft(c.draft().describedAs(words));
                    goTo(x, Step.REVIEW, "review.added");
                }
            }
            case IDLE -> idleWords(x, words, reading);
        }
    }

    /** "yes" / "no" with nothing asked: the answer to a resolution awaiting one, else an acknowledgement or the menu. */
    private void idleWords(TurnContext x, String words, Understanding.Reading reading) throws SQLException {
        Optional<CitizenGrievance> resolved = x.grievances().awaitingFeedback(x.c().citizenRef());
        if (resolved.isPresent() && Understanding.satisfaction(words).isPresent()) {
            verdicts.inWords(x, resolved.get(), words, reading);
        } else if (reading.is(Command.YES)) {
            x.t().reply(say(text(x.lang(), "welcome"))); // "ok", "हाँ" after Submit or the number: noted
        } else {
            menu(x, null);
        }
    }

    private void describe(TurnContext x, String words) {
        Conversation c = x.c();
        c.draft(draftOf(x).describedAs(words));
        next(x, null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Location, photos, voice notes
    // ---------------------------------------------------------------------------------------------------------------

    private void located(TurnContext x, GrievanceCommand.Location pin) {
        Conversation c = x.c();
        c.draft(draftOf(x).at(pin));
        if (c.step() == Step.IDLE || c.step() == Step.FEEDBACK_REASON || !c.draft().hasDescription()) {
            goTo(x, Step.DESCRIBE, "location.thanks");
        } else {
            next(x, null);
        }
    }

    private void media(TurnContext x, Said said) {
        Conversation c = x.c();
        Draft draft = draftOf(x).withAttachment(said.attachment());
        boolean voice = "audio".equals(said.attachment().kind());
        if (said.words() != null) {
            draft = draft.describedAs(said.words());
        } else if (!draft.hasDescription() && voice) {
            draft = draft.describedAs(text(x.lang(), "placeholder.voice")); // spoken complaints are complaints
        }
        c.draft(draft);
        if (!draft.hasDescription()) {
            goTo(x, Step.DESCRIBE, "photo.received"); // a photo alone: ask what it shows
        } else if (c.step() == Step.LOCATE || c.step() == Step.VILLAGE) {
            prompt(x, "attachment.received");
        } else if (c.step() == Step.PHOTO || c.step() == Step.REVIEW) {
            goTo(x, Step.REVIEW, "attachment.received");
        } else {
            next(x, null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Taps on our buttons and list rows
    // ---------------------------------------------------------------------------------------------------------------

    private void tap(TurnContext x, Said said) throws SQLException {
        String[] parts = said.tapId().split(":", 3);
        String action = parts[0] + (parts.length > 1 ? ":" + parts[1] : "");
        String argument = parts.length > 2 ? parts[2] : parts.length > 1 ? parts[1] : "";
        Conversation c = x.c();
        switch (parts[0]) {
            case "menu" -> {
                if ("menu:track".equals(action)) {
                    x.tracking().open();
                } else if (c.draft() != null) {
                    prompt(x, null);
                } else {
                    startFiling(x);
                }
            }
            case "lang" -> switchLanguage(x, "en".equals(argument) ? "en" : "hi");
            case "block" -> {
                if (c.draft() == null) {
                    menu(x, "stale");
                } else {
                    c.draft(c.draft().at(new GrievanceCommand.Location(null, null, blockNamed(argument),
                            c.draft().location() != null && c.draft().location().latitude() == null
                                    ? c.draft().village() : null)));
                    next(x, null);
                }
            }
            case "track" -> x.tracking().one(argument);
            case "feedback" -> {
                var tap = FeedbackButtons.read(said.tapId());
                if (tap.isEmpty() || !verdicts.tap(x, tap.get())) {
                    menu(x, "stale");
                }
            }
            case "reason" -> x.t().reply(say(text(x.lang(), "feedback.already", Verdicts.number(x, argument))));
            case "review", "photo", "draft" -> draftTap(x, action, argument);
            default -> menu(x, "stale");
        }
    }

    private void draftTap(TurnContext x, String action, String draftId) throws SQLException {
        Conversation c = x.c();
        if (c.draft() == null || !c.draft().id().equals(draftId)) {
            Optional<CitizenGrievance> filed = x.grievances().find(c.citizenRef(), Draft.grievanceIdOf(draftId));
            if (filed.isPresent()) {
                x.t().reply(say(text(x.lang(), "submitted.already", Verdicts.number(x, filed.get()))));
            } else {
                prompt(x, "stale");
            }
            return;
        }
        switch (action) {
            case "review:submit" -> submit(x);
            case "review:photo" -> goTo(x, Step.PHOTO, null);
            case "review:cancel" -> cancel(x);
            case "photo:skip", "draft:resume" -> {
                if (c.step() == Step.PHOTO || c.step() == Step.IDLE) {
                    next(x, null);
                } else {
                    prompt(x, null);
                }
            }
            case "draft:new" -> {
                abandon(x);
                startFiling(x);
            }
            default -> prompt(x, "stale");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Filing
    // ---------------------------------------------------------------------------------------------------------------

    private void startFiling(TurnContext x) {
        goTo(x, Step.DESCRIBE, null);
    }

    private Draft draftOf(TurnContext x) {
        return x.c().draft() != null ? x.c().draft() : Draft.startedBy(x.messageId(), x.now());
    }

    /** The first step still missing: description, location (block, then village), then review. */
    private void next(TurnContext x, String lead) {
        Draft d = x.c().draft();
        Step step = !d.hasDescription() ? Step.DESCRIBE
                : d.isLocated() ? Step.REVIEW
                : d.block() != null ? Step.VILLAGE
                : Step.LOCATE;
        goTo(x, step, lead);
    }

    private void goTo(TurnContext x, Step step, String lead) {
        if (step != x.c().step() && step.isFiling()) {
            metrics.stepReached(step);
        }
        x.c().step(step);
        prompt(x, lead);
    }

    private void submit(TurnContext x) throws SQLException {
        Conversation c = x.c();
        Draft d = c.draft();
        if (!d.hasDescription() || !d.isLocated()) {
            next(x, null);
            return;
        }
        ZonedDateTime local = x.now().atZone(DISTRICT_TIME);
        Instant today = local.toLocalDate().atStartOfDay(DISTRICT_TIME).toInstant();
        Instant thisMonth = local.toLocalDate().withDayOfMonth(1).atStartOfDay(DISTRICT_TIME).toInstant();
        if (x.grievances().submittedSince(c.citizenRef(), today) >= config.limits().perDay()) {
            metrics.refusedOverLimit("day");
            x.t().reply(say(text(x.lang(), "limit.day", config.limits().perDay())));
            return;
        }
        if (x.grievances().submittedSince(c.citizenRef(), thisMonth) >= config.limits().perMonth()) {
            metrics.refusedOverLimit("month");
            x.t().reply(say(text(x.lang(), "limit.month", config.limits().perMonth())));
            return;
        }
        x.t().command(new GrievanceCommand(d.registerCommandId(), GrievanceCommand.CommandType.REGISTER, x.now(),
                x.district(), d.grievanceId(), ISSUER, new GrievanceCommand.Register(c.citizenRef(), c.waId(),
                        c.language(), d.description(), null, d.location(), d.attachments()), null, null));
        x.grievances().submitted(d.grievanceId(), c.citizenRef(), BotTexts.shorten(d.description(), 200), x.now());
        metrics.submitted(c.language());
        c.draft(null);
        c.step(Step.IDLE);
        x.t().reply(say(text(x.lang(), "submitted")));
    }

    private void cancel(TurnContext x) {
        if (x.c().draft() != null) {
            abandon(x);
            menu(x, "cancelled");
        } else {
            menu(x, null);
        }
    }

    private void abandon(TurnContext x) {
        metrics.draftAbandoned(x.c().step());
        x.c().draft(null);
        x.c().step(Step.IDLE);
    }

    private void back(TurnContext x) {
        Conversation c = x.c();
        if (c.draft() == null || c.step().previous() == Step.IDLE) {
            menu(x, null);
            return;
        }
        Step previous = c.step().previous();
        if (previous == Step.LOCATE) {
            c.draft(c.draft().at(null)); // going back to the location means choosing it again
        }
        goTo(x, previous, null);
    }

    private void offerResume(TurnContext x) {
        Draft d = x.c().draft();
        x.c().step(Step.IDLE);
        x.t().reply(ask(text(x.lang(), "resume", d.hasDescription() ? BotTexts.shorten(d.description(), 300) : "…"),
                List.of(button(x.lang(), "draft:resume:" + d.id(), "button.resume"),
                        button(x.lang(), "draft:new:" + d.id(), "button.new"))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the bot asks at each step
    // ---------------------------------------------------------------------------------------------------------------

    /** Asks for what the current step needs, after {@code lead} (a bundle key) when given. */
    private void prompt(TurnContext x, String lead) {
        Conversation c = x.c();
        String lang = x.lang();
        String before = lead == null ? "" : text(lang, lead) + "\n\n";
        Draft d = c.draft();
        switch (c.step()) {
            case IDLE, FEEDBACK_REASON -> menu(x, lead);
            case DESCRIBE -> x.t().reply(say(before + text(lang, "ask.description")));
            case LOCATE -> {
                List<OutboundMessage.Row> rows = new ArrayList<>();
                for (String block : config.blocks()) {
                    rows.add(BotTexts.row("block:" + block, blockName(lang, block), null));
                }
                String question = d.village() != null ? text(lang, "ask.block", d.village()) : text(lang, "ask.location");
                x.t().reply(BotTexts.list(before + question, text(lang, "button.blocks"), rows));
            }
            case VILLAGE -> x.t().reply(say(before + text(lang, "ask.village", blockName(lang, d.block()))));
            case REVIEW -> x.t().reply(ask(before + text(lang, "review", BotTexts.shorten(d.description(), 600),
                            place(lang, d.location()), d.attachments().isEmpty() ? ""
                                    : text(lang, "review.attachments", d.attachments().size()) + "\n"),
                    List.of(button(lang, "review:submit:" + d.id(), "button.submit"),
                            button(lang, "review:photo:" + d.id(), "button.photo"),
                            button(lang, "review:cancel:" + d.id(), "button.cancel"))));
            case PHOTO -> x.t().reply(ask(before + text(lang, "ask.photo"),
                    List.of(button(lang, "photo:skip:" + d.id(), "button.skip"))));
        }
    }

    private void menu(TurnContext x, String lead) {
        Conversation c = x.c();
        String lang = x.lang();
        if (c.step() != Step.FEEDBACK_REASON) {
            c.step(Step.IDLE); // a draft in progress waits to be resumed
        }
        String body = (lead == null ? "" : text(lang, lead) + "\n\n") + text(lang, "menu");
        x.t().reply(ask(body, List.of(
                c.draft() != null ? button(lang, "draft:resume:" + c.draft().id(), "button.resume")
                        : button(lang, "menu:file", "button.file"),
                button(lang, "menu:track", "button.track"),
                "hi".equals(lang) ? button(lang, "lang:en", "button.language")
                        : button(lang, "lang:hi", "button.language"))));
    }

    private void switchLanguage(TurnContext x, String language) {
        x.c().language(language);
        prompt(x, "language.set");
    }

    private String place(String lang, GrievanceCommand.Location location) {
        if (location.latitude() != null) {
            return text(lang, "place.pin") + (location.village() == null ? "" : " (" + location.village() + ")");
        }
        boolean named = blockIn(location.village()).filter(location.block()::equals).isPresent();
        return named ? location.village() : location.village() + ", " + blockName(lang, location.block());
    }

    private static String blockName(String lang, String block) {
        return BotTexts.textOr(lang, "block." + block.replace(' ', '_'), block);
    }

    /** The block named in the citizen's words, in either script: "Kanakot, Gurur ke paas" is in Gurur. */
    private Optional<String> blockIn(String words) {
        String padded = " " + Understanding.normalise(words) + " ";
        return config.blocks().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()) // "Dondi Lohara" before "Dondi"
                .filter(block -> padded.contains(" " + Understanding.normalise(block) + " ")
                        || padded.contains(" " + Understanding.normalise(blockName("hi", block)) + " "))
                .findFirst();
    }

    private String blockNamed(String name) {
        return config.blocks().stream().filter(b -> b.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    /** Words after "not satisfied" are its reason, unless they are a command or an intent acted on at any step. */
    private static boolean isReason(Said said, Understanding.Reading reading) {
        return said.kind() == Said.Kind.TEXT && said.words() != null && (reading.command() == null
                ? !GLOBAL.contains(reading.intent()) : reading.is(Command.YES) || reading.is(Command.NO));
    }

    /** Intents acted on whatever the step (but the place's): each is a request of its own, never an answer. */
    private static final Set<Intent> GLOBAL = EnumSet.of(Intent.OPT_OUT, Intent.OPT_IN, Intent.GREETING,
            Intent.STATUS, Intent.HELP);
    /** Intents whose words may answer "was it fixed?" ("ho gaya, dhanyavaad", "abhi bhi pani nahi aa raha"). */
    private static final Set<Intent> ANSWERS = EnumSet.of(Intent.THANKS, Intent.DISSATISFIED, Intent.COMPLAINT,
            Intent.GIBBERISH);

    // ---------------------------------------------------------------------------------------------------------------
}
