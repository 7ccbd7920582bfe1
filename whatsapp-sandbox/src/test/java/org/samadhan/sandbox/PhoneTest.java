package org.samadhan.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;

/**
 * The citizen's phone page in a real browser (Debian's Chromium): a citizen writes in Hindi, taps the bot's buttons
 * and list rows, shares a location and a photo, and sees the bot's messages, as text only, with their ticks.
 */
@QuarkusTest
class PhoneTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String SEND = "/v23.0/106540352242922/messages";
    private static final Pattern SENT_OR_LATER = Pattern.compile("sent|delivered|read");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/phone")
    URL phone;

    private BrowserContext context;
    private Page page;
    private final List<String> problems = new ArrayList<>(); // console errors, script errors, dialogs

    @BeforeAll
    static void startBrowser() {
        assertTrue(Files.isExecutable(CHROMIUM), "The phone page's browser test needs Debian's Chromium at " + CHROMIUM
                + " (apt-get install chromium); Playwright is not allowed to download a browser");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000); // a busy two-core machine
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
        }
    }

    @BeforeEach
    void freshPhone() {
        given().delete("/sandbox").then().statusCode(204);
        TestGateway.clear();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740));
        page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || "warning".equals(m.type())) {
                problems.add("console " + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> problems.add("script error: " + e));
        page.onDialog(d -> {
            problems.add("dialog: " + d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void closePhone() {
        context.close();
        assertEquals(List.of(), problems, "the page ran without errors, CSP refusals or dialogs");
    }

    @Test
    void aCitizenWritesInHindiAndTapsTheBotsButtonsAndListRows() {
        String citizen = "919876543210";
        page.navigate(phone.toString());
        page.getByLabel("Demo citizen").selectOption(citizen); // रमेश साहू
        assertTrue(page.url().endsWith("#" + citizen), "the number is remembered in the fragment: " + page.url());
        String complaint = "हैंडपंप खराब है, पानी नहीं आ रहा 🙏";
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill(complaint);
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).press("Enter");

        JsonNode mine = await().atMost(Duration.ofSeconds(10)).until(() -> last(citizen, "in"), m -> m != null);
        assertEquals("text", mine.path("message").path("type").asText());
        assertEquals(complaint, mine.path("message").path("text").path("body").asText());
        String mineId = mine.path("id").asText();
        JsonNode webhook = await().atMost(Duration.ofSeconds(10)).until(() -> webhookWith(mineId), w -> w != null);
        assertEquals("रमेश साहू", webhook.path("contacts").get(0).path("profile").path("name").asText());
        assertEquals(complaint, webhook.path("messages").get(0).path("text").path("body").asText());
        Locator mineOnPage = message(mineId);
        assertThat(mineOnPage.locator(".text")).hasText(complaint);
        assertThat(mineOnPage.locator(".ticks")).hasAttribute("data-status", "delivered"); // the gateway took it
        assertThat(page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))).hasValue("");

        // The bot asks, as notification-service sends it; the citizen taps a button.
        String question = botSends(citizen, Map.of("type", "interactive", "interactive", Map.of("type", "button",
                "header", Map.of("type", "text", "text", "BLD-2026-000123"),
                "body", Map.of("text", "क्या आपकी समस्या हल हो गई?"),
                "action", Map.of("buttons", List.of(
                        Map.of("type", "reply", "reply", Map.of("id", "feedback:yes:BLD-2026-000123:4",
                                "title", "हाँ")),
                        Map.of("type", "reply", "reply", Map.of("id", "feedback:no:BLD-2026-000123:4",
                                "title", "नहीं")))))));
        Locator asked = message(question);
        assertThat(asked.locator(".header")).hasText("BLD-2026-000123");
        assertThat(asked.locator(".text")).hasText("क्या आपकी समस्या हल हो गई?");
        assertThat(asked.getByRole(AriaRole.BUTTON)).hasText(new String[] {"हाँ", "नहीं"});
        assertThat(asked.locator(".ticks")).hasAttribute("data-status", SENT_OR_LATER);
        assertThat(asked.locator(".ticks")).hasAttribute("data-status", "read");
        assertThat(asked.locator(".ticks")).hasText("✓✓");
        asked.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("नहीं")).click();

        JsonNode tap = await().atMost(Duration.ofSeconds(10)).until(() -> last(citizen, "in"),
                m -> m != null && "interactive".equals(m.path("message").path("type").asText()));
        JsonNode interactive = tap.path("message").path("interactive");
        assertEquals("button_reply", interactive.path("type").asText());
        assertEquals("feedback:no:BLD-2026-000123:4", interactive.path("button_reply").path("id").asText());
        assertEquals("नहीं", interactive.path("button_reply").path("title").asText());
        assertEquals(question, tap.path("message").path("context").path("id").asText(), "a reply names the question");
        assertThat(message(tap.path("id").asText()).locator(".text")).hasText("नहीं");

        // A list: the citizen opens it and picks a row with the keyboard.
        String list = botSends(citizen, Map.of("type", "interactive", "interactive", Map.of("type", "list",
                "body", Map.of("text", "समस्या किस विभाग की है?"),
                "action", Map.of("button", "विभाग चुनें", "sections", List.of(
                        Map.of("title", "पानी", "rows", List.of(Map.of("id", "dept:PHE", "title", "हैंडपंप / नल",
                                "description", "लोक स्वास्थ्य यांत्रिकी विभाग"))),
                        Map.of("title", "बिजली", "rows", List.of(Map.of("id", "dept:ELECTRICITY",
                                "title", "बिजली कटौती"))))))));
        Locator menu = message(list);
        menu.getByText("विभाग चुनें").click();
        Locator row = menu.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions().setHasText("हैंडपंप / नल"));
        assertThat(row).containsText("लोक स्वास्थ्य यांत्रिकी विभाग");
        row.focus();
        page.keyboard().press("Enter");

        JsonNode pick = await().atMost(Duration.ofSeconds(10)).until(() -> last(citizen, "in"),
                m -> m != null && "list_reply".equals(m.path("message").path("interactive").path("type").asText()));
        JsonNode reply = pick.path("message").path("interactive").path("list_reply");
        assertEquals(Map.of("id", "dept:PHE", "title", "हैंडपंप / नल", "description", "लोक स्वास्थ्य यांत्रिकी विभाग"),
                Json.mapper().convertValue(reply, Map.class));
        assertEquals(list, pick.path("message").path("context").path("id").asText());

        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) page.locator("#chat > li").evaluateAll(
                "items => items.map(i => i.dataset.id)");
        List<String> expected = given().get("/sandbox/citizens/" + citizen + "/messages").jsonPath().getList("id");
        assertEquals(expected, order, "the page shows the conversation in the sandbox's order");
    }

    @Test
    void theBotsTextsAreShownAsTextNeverAsMarkup() {
        String citizen = "919827011223";
        openTyped(citizen);
        citizenSays(citizen, "नमस्ते"); // opens the 24-hour window
        String attack = "<img src=x onerror=alert(1)>";
        String text = botSends(citizen, Map.of("type", "text", "text", Map.of("body", attack)));
        String buttons = botSends(citizen, Map.of("type", "interactive", "interactive", Map.of("type", "button",
                "body", Map.of("text", "<script>alert(2)</script>"),
                "action", Map.of("buttons", List.of(Map.of("type", "reply", "reply",
                        Map.of("id", "x", "title", "<b>हाँ</b>")))))));

        assertThat(message(text).locator(".text")).hasText(attack);
        assertThat(message(buttons).locator(".text")).hasText("<script>alert(2)</script>");
        assertThat(message(buttons).getByRole(AriaRole.BUTTON)).hasText("<b>हाँ</b>");
        assertEquals(0, page.locator("#chat img, #chat script, #chat b").count(), "no element made from a text");
        page.waitForTimeout(300); // an onerror handler would have run by now
    }

    @Test
    void aCitizenSharesAVillagesLocationAndASamplePhoto() throws Exception {
        String citizen = "919893044556";
        openTyped(citizen);
        page.getByText("Send a location").click();
        page.getByLabel("Village (Balod district, approximate)").selectOption(new String[] {"20.7306,81.2044"});
        assertThat(page.getByLabel("Latitude")).hasValue("20.7306");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send location")).click();
        JsonNode location = await().atMost(Duration.ofSeconds(10)).until(() -> last(citizen, "in"), m -> m != null)
                .path("message");
        assertEquals("location", location.path("type").asText());
        assertEquals(20.7306, location.path("location").path("latitude").asDouble());
        assertTrue(location.path("location").path("latitude").isNumber(), "numbers, not strings, as WhatsApp's");
        assertEquals(81.2044, location.path("location").path("longitude").asDouble());
        assertEquals("Jhalmala", location.path("location").path("name").asText());

        page.getByText("Attach a photo").click();
        page.getByLabel("Caption").fill("टूटा हैंडपंप");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send photo")).click();
        JsonNode photo = await().atMost(Duration.ofSeconds(10)).until(() -> last(citizen, "in"),
                m -> m != null && "image".equals(m.path("message").path("type").asText()));
        JsonNode image = photo.path("message").path("image");
        assertTrue(image.path("id").asText().matches("\\d{16,17}"), image.toString());
        assertEquals("image/jpeg", image.path("mime_type").asText());
        assertEquals(sampleSha256(), image.path("sha256").asText(), "the bundled sample's SHA-256, in base64");
        assertEquals("टूटा हैंडपंप", image.path("caption").asText());
        Locator shown = message(photo.path("id").asText());
        assertThat(shown.locator("img.photo")).isVisible();
        assertTrue((Boolean) shown.locator("img.photo").evaluate("img => img.complete && img.naturalWidth > 0"),
                "the sample photo loads from the sandbox");
        assertThat(shown.locator(".text")).hasText("टूटा हैंडपंप");
        await().atMost(Duration.ofSeconds(10)).until(() -> webhookWith(photo.path("id").asText()) != null);
    }

    @Test
    void templatesShowTheirParametersAndAFailedSendItsErrorCode() {
        String citizen = "917000312345";
        openTyped(citizen); // never wrote: free-form messages fail with 131047, templates are delivered
        String template = botSends(citizen, Map.of("type", "template", "template", Map.of("name", "grievance_update",
                "language", Map.of("code", "hi"), "components", List.of(Map.of("type", "body", "parameters", List.of(
                        Map.of("type", "text", "text", "BLD-2026-000123"), Map.of("type", "text", "text", "हल हो गई"),
                        Map.of("type", "text", "text", "लोक स्वास्थ्य यांत्रिकी")))))));
        String text = botSends(citizen, Map.of("type", "text", "text", Map.of("body", "Any news?")));

        assertThat(message(template).locator(".header")).hasText("Template grievance_update (hi)");
        assertThat(message(template).locator(".params li")).hasText(new String[] {"BLD-2026-000123", "हल हो गई",
                "लोक स्वास्थ्य यांत्रिकी"});
        assertThat(message(template).locator(".ticks")).hasAttribute("data-status", "read");
        assertThat(message(text).locator(".ticks")).hasAttribute("data-status", "failed");
        assertThat(message(text).locator(".ticks")).hasText("⚠ 131047");
        assertThat(message(text).locator(".ticks")).hasAttribute("title", "Failed: 131047 Re-engagement message");

        page.reload(); // the fragment remembers the number
        assertThat(page.locator("#chat-title")).containsText("+" + citizen);
        assertThat(page.locator("#chat > li")).hasCount(2);
        Page another = context.newPage(); // and so does local storage
        another.navigate(phone.toString());
        assertThat(another.locator("#chat-title")).containsText("+" + citizen);
        another.close();
    }

    @Test
    void thePageHasAStrictPolicyAndFitsAPhoneAndALaptop() {
        given().redirects().follow(false).get("/phone").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/phone/"));
        String policy = given().get("/phone/").then().statusCode(200).contentType(
                org.hamcrest.Matchers.startsWith("text/html")).extract().header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("default-src 'self'"), "CSP: " + policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        for (String file : List.of("/phone/phone.js", "/phone/phone.css", "/phone/sample.jpg", "/phone/icon.svg")) {
            given().get(file).then().statusCode(200);
        }
        String html = given().get("/phone/").asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|style=",
                Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline script, handler or style");

        for (int[] size : new int[][] {{360, 740}, {1366, 768}}) {
            page.setViewportSize(size[0], size[1]);
            page.navigate(phone.toString() + "#919812300001");
            assertThat(page.locator("#chat-title")).containsText("+919812300001");
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertTrue(width <= size[0], "no sideways scrolling at " + size[0] + " px: " + width);
            for (String field : List.of("#preset", "#number", "#name", "#text")) {
                var box = page.locator(field).boundingBox();
                assertTrue(box.x >= 0 && box.x + box.width <= size[0] && box.y + box.height <= size[1],
                        field + " is on screen at " + size[0] + "x" + size[1]);
            }
            Object unlabelled = page.locator("input, select, textarea").evaluateAll(
                    "fields => fields.filter(f => f.labels.length === 0).map(f => f.id)");
            assertEquals(List.of(), unlabelled, "every field has a label");
        }
        page.getByLabel("Demo citizen").focus();
        List<String> tabOrder = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("Tab");
            tabOrder.add((String) page.evaluate("document.activeElement.id"));
        }
        assertEquals(List.of("number", "name", "use"), tabOrder, "the keyboard reaches every field in order");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void openTyped(String number) {
        page.navigate(phone.toString());
        page.getByLabel("Number", new Page.GetByLabelOptions().setExact(true)).fill("+" + number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        assertThat(page.locator("#chat-title")).containsText("+" + number);
    }

    private Locator message(String id) {
        return page.locator("#chat > li[data-id=\"" + id + "\"]");
    }

    /** What notification-service would send, through the Graph send endpoint; answers the wamid. */
    private static String botSends(String to, Map<String, Object> message) {
        Map<String, Object> request = new java.util.HashMap<>(message);
        request.put("messaging_product", "whatsapp");
        request.put("to", to);
        return given().auth().oauth2("test-access-token").contentType("application/json").body(request).post(SEND)
                .then().statusCode(200).extract().path("messages[0].id");
    }

    private static void citizenSays(String waId, String text) {
        given().contentType("application/json").body(Map.of("type", "text", "text", Map.of("body", text)))
                .post("/sandbox/citizens/" + waId + "/messages").then().statusCode(202);
    }

    /** The conversation's last message in that direction, or null. */
    private static JsonNode last(String waId, String direction) throws IOException {
        JsonNode conversation = Json.mapper().readTree(given().get("/sandbox/citizens/" + waId + "/messages").then()
                .statusCode(200).extract().asString());
        JsonNode found = null;
        for (JsonNode item : conversation) {
            if (direction.equals(item.path("direction").asText())) {
                found = item;
            }
        }
        return found;
    }

    /** The webhook's value that carried this citizen message (signed as the gateway checks), or null. */
    private static JsonNode webhookWith(String messageId) {
        for (TestGateway.Received webhook : TestGateway.received()) {
            JsonNode value = webhook.body().path("entry").get(0).path("changes").get(0).path("value");
            if (messageId.equals(value.path("messages").path(0).path("id").asText())) {
                assertTrue(webhook.signatureValid(), "signed with the app secret");
                return value;
            }
        }
        return null;
    }

    private static String sampleSha256() throws IOException, NoSuchAlgorithmException {
        try (InputStream sample = PhoneTest.class.getResourceAsStream("/META-INF/resources/phone/sample.jpg")) {
            byte[] bytes = sample.readAllBytes();
            byte[] served = given().get("/phone/sample.jpg").then().statusCode(200).extract().asByteArray();
            assertTrue(java.util.Arrays.equals(bytes, served), "the page's sample is the bundled one");
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }
}
