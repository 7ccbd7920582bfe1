package org.samadhan.portal.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/** The page language: the official's remembered choice (a cookie), else what their browser prefers, else English. */
@RequestScoped
@Named("language")
public class Language {

    static final String COOKIE = "portal-lang";
    static final Locale HINDI = Locale.forLanguageTag("hi");

    private final Locale locale;

    public Language(HttpServerRequest request) {
        var chosen = request.getCookie(COOKIE);
        String accept = request.getHeader("Accept-Language");
        this.locale = chosen != null ? of(chosen.getValue())
                : accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("hi") ? HINDI : Locale.ENGLISH;
    }

    /** Hindi for "hi", English for anything else (only the two are offered). */
    static Locale of(String code) {
        return "hi".equals(code) ? HINDI : Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /** "hi" or "en": the html lang attribute and the key of department names. */
    public String code() {
        return locale.getLanguage().equals("hi") ? "hi" : "en";
    }
}
