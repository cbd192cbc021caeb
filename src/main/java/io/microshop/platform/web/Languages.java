package io.microshop.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.platform.ApiPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The two languages of the pages: Simplified Chinese (the default) and English. A visitor's
 * choice is kept in the {@code ms_lang} cookie; without one, an English-first
 * {@code Accept-Language} gets English and everyone else Chinese. The API's problem details are
 * written in English, so an API call that names no language gets its field messages in English
 * too, rather than a Chinese message under an English title.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ms_lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(Languages::fromHeader);
		return resolver;
	}

	/** The supported language a tag names ({@code zh}, {@code zh-CN}, {@code en}, ...), if any. */
	public static Locale of(String tag) {
		if (tag == null) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		return switch (language) {
			case "zh" -> CHINESE;
			case "en" -> ENGLISH;
			default -> null;
		};
	}

	static Locale fromHeader(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return ApiPaths.isApi(request.getRequestURI()) ? ENGLISH : CHINESE;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				Locale wanted = of(range.getRange());
				if (wanted != null) {
					return wanted;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header counts as none
		}
		return CHINESE;
	}

	/** Keeps the visitor's choice in the cookie. */
	static void choose(LocaleResolver resolver, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		resolver.setLocale(request, response, locale);
	}

}
