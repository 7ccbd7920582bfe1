package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen playing their part on the sandbox's phone page (/phone) in a browser: types, taps the bot's buttons
 * and list rows by what they read on them (in Hindi, the bot's language for a Hindi complaint).
 */
final class PhoneCitizen {

    private static final Pattern NUMBER = Pattern.compile("BLD-\\d{4}-\\d{6}");
    private static final LocatorAssertions.IsVisibleOptions ARRIVES =
            new LocatorAssertions.IsVisibleOptions().setTimeout(45_000);

    final Page page;
    final Citizen citizen;

    PhoneCitizen(Browser browser, Citizen citizen) {
        this.citizen = citizen;
        this.page = browser.person("hi-IN", 412, 860);
        page.navigate(LocalSystem.SANDBOX + "/phone");
        page.locator("#number").fill(citizen.waId);
        page.locator("#use").click();
        assertThat(page.locator("#chat-title")).containsText(citizen.waId);
    }

    void writes(String text) {
        page.locator("#text").fill(text);
        page.locator("#text").press("Enter");
    }

    /** Taps the newest reply button reading {@code title}, once the bot has sent it. */
    void taps(String title) {
        Locator button = page.locator("#chat button.reply", new Page.LocatorOptions().setHasText(title)).last();
        assertThat(button).isVisible(ARRIVES);
        button.click();
    }

    /** Waits until the bot has sent {@code count} buttons reading {@code title}. */
    void awaitButtons(String title, int count) {
        assertThat(page.locator("#chat button.reply", new Page.LocatorOptions().setHasText(title)).nth(count - 1))
                .isVisible(ARRIVES);
    }

    /** Opens the newest list offering a row reading {@code title} (as WhatsApp shows lists: behind a button), picks it. */
    void picks(String title) {
        Locator list = page.locator("#chat details.list", new Page.LocatorOptions().setHas(
                page.locator("button.row", new Page.LocatorOptions().setHasText(title)))).last();
        assertThat(list).isVisible(ARRIVES);
        list.locator("summary").click();
        list.locator("button.row", new Locator.LocatorOptions().setHasText(title)).click();
    }

    /** The grievance number the district sent, once it has arrived on the phone. */
    String awaitNumber() {
        Locator message = page.locator("#chat li.bot", new Page.LocatorOptions().setHasText(NUMBER)).first();
        assertThat(message).isVisible(ARRIVES);
        Matcher found = NUMBER.matcher(message.innerText());
        if (!found.find()) {
            throw new AssertionError("no number in " + message.innerText());
        }
        return found.group();
    }

    /** Files as a villager: the words, the block from the bot's list, the village, then Submit (भेजें). */
    String files(String words, String blockInHindi, String village) {
        writes(words);
        picks(blockInHindi);
        assertThat(page.locator("#chat li.bot")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(45_000));
        writes(village);
        taps("भेजें");
        return awaitNumber();
    }

    void close() {
        page.context().close();
    }
}
