package org.samadhan.chatbot.conversation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.contracts.whatsapp.OutboundMessage.Content;

/**
 * Everything the bot says, from the message bundles {@code messages/bot_<language>.properties} (Hindi and English),
 * kept within WhatsApp's limits: bodies of interactive messages and titles are shortened, never refused.
 */
final class BotTexts {

    private BotTexts() {
    }

    static String text(String language, String key, Object... arguments) {
        // Always through MessageFormat, so every bundle text follows one quoting rule ('' for an apostrophe).
        return new MessageFormat(bundle(language).getString(key), locale(language)).format(arguments);
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has none (e.g. a block without a Hindi name). */
    static String textOr(String language, String key, String fallback) {
        ResourceBundle bundle = bundle(language);
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    static Content say(String body) {
        return Content.text(shorten(body, OutboundMessage.MAX_TEXT_BODY));
    }

    static Content ask(String body, List<OutboundMessage.Button> buttons) {
        return Content.buttons(shorten(body, OutboundMessage.MAX_BODY_WITH_BUTTONS), buttons);
    }

    static OutboundMessage.Button button(String language, String id, String titleKey) {
        return new OutboundMessage.Button(id, shorten(text(language, titleKey), OutboundMessage.MAX_BUTTON_TITLE));
    }

    static Content list(String body, String buttonTitle, List<OutboundMessage.Row> rows) {
        return Content.list(shorten(body, OutboundMessage.MAX_BODY_WITH_BUTTONS), new OutboundMessage.ListAction(
                shorten(buttonTitle, OutboundMessage.MAX_BUTTON_TITLE),
                List.of(new OutboundMessage.Section(null, rows.subList(0,
                        Math.min(rows.size(), OutboundMessage.MAX_LIST_ROWS))))));
    }

    static OutboundMessage.Row row(String id, String title, String description) {
        return new OutboundMessage.Row(id, shorten(title, OutboundMessage.MAX_ROW_TITLE),
                description == null ? null : shorten(description, OutboundMessage.MAX_ROW_DESCRIPTION));
    }

    /** Cuts at {@code max} characters (code points), ending with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag("en".equals(language) ? "en-IN" : "hi-IN");
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle("messages.bot", Locale.forLanguageTag("en".equals(language) ? "en" : "hi"));
    }
}
