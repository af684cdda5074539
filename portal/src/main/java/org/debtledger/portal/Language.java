package org.debtledger.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The languages the portal speaks. The browser's preference picks one at first (Finnish when it says nothing);
 * a language none of ours gets English. A choice made on a page is kept in the session.
 */
enum Language {
    FI("suomi"), SV("svenska"), EN("English");

    static final String PARAMETER = "lang";
    /** For a browser that asks for a language we do not speak. */
    static final Language FALLBACK = EN;
    /** For a browser that names none: most people with a Finnish debt read Finnish. */
    static final Language UNSAID = FI;

    private final String name;

    Language(String name) {
        this.name = name;
    }

    /** Its name in itself, as the switcher shows it. */
    public String ownName() {
        return name;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    Locale locale() {
        return Locale.forLanguageTag(code());
    }

    static Language of(Locale locale) {
        if (locale != null) {
            for (Language language : values()) {
                if (language.code().equals(locale.getLanguage())) {
                    return language;
                }
            }
        }
        return FALLBACK;
    }

    /** The first of ours in the browser's {@code Accept-Language}, by its weights. */
    static Language ofBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return UNSAID;
        }
        try {
            List<Locale.LanguageRange> wanted = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(wanted, Arrays.stream(values()).map(Language::locale).toList());
            return best == null ? FALLBACK : of(best);
        } catch (IllegalArgumentException unreadable) {
            return FALLBACK;
        }
    }

    static LocaleResolver resolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver() {
            @Override
            public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                  Locale locale) {
                // only a language we speak is kept
                super.setLocale(request, response, locale == null ? null : of(locale).locale());
            }
        };
        resolver.setDefaultLocaleFunction(request -> ofBrowser(request.getHeader("Accept-Language")).locale());
        return resolver;
    }
}
