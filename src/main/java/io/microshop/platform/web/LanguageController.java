package io.microshop.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch on every page: {@code /lang/en?next=/s/demo-tea} keeps the choice and
 * goes back to the page. {@code next} must be a path on this site (no open redirect).
 */
@PageController
class LanguageController {

	private final LocaleResolver resolver;

	LanguageController(LocaleResolver resolver) {
		this.resolver = resolver;
	}

	@GetMapping("/lang/{tag}")
	String choose(@PathVariable String tag, @RequestParam(required = false) String next, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = Languages.of(tag);
		if (locale != null) {
			Languages.choose(resolver, request, response, locale);
		}
		return "redirect:" + safe(next);
	}

	static String safe(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
				|| next.chars().anyMatch(c -> c < 0x20)) {
			return "/";
		}
		return next;
	}

}
