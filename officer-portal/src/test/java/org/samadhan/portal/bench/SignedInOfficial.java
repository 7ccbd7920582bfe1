package org.samadhan.portal.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.samadhan.portal.browser.Browser;

/**
 * An official signed in to the portal in Chromium, on Keycloak's own login page, whose session cookies then go with
 * every request of the benchmark's HTTP client (a browser's requests, without a browser's rendering time).
 */
final class SignedInOfficial {

    final String username;
    private final HttpClient http;

    private SignedInOfficial(String username, HttpClient http) {
        this.username = username;
        this.http = http;
    }

    static SignedInOfficial signIn(Browser browser, String portal, String username, String password) {
        Page page = browser.person("en-IN");
        page.navigate(portal + "/worklist");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(portal + "/worklist**");
        CookieManager jar = new CookieManager();
        for (Cookie cookie : page.context().cookies(portal)) {
            HttpCookie copy = new HttpCookie(cookie.name, cookie.value);
            copy.setPath(cookie.path);
            copy.setVersion(0);
            jar.getCookieStore().add(URI.create(portal), copy);
        }
        page.context().close();
        return new SignedInOfficial(username, HttpClient.newBuilder().cookieHandler(jar)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The page at {@code url} with this official's session, as the browser receives it. */
    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
