package io.microshop.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.microshop.platform.Problem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A refusal as one sentence for a form, in the page's language. The details of problems are
 * written in English, so English pages show them (field errors get their field's name in
 * front); Chinese pages show the bundles' {@code problem.<field>} or {@code problem.<type>}
 * sentence, and the detail only where no sentence exists.
 */
public final class PageMessages {

	private PageMessages() {
	}

	public static String of(Problem problem) {
		Locale locale = LocaleContextHolder.getLocale();
		if (chinese(problem.getMessage())) {
			return problem.getMessage();
		}
		if (!PageFormat.english(locale)) {
			String translated = translated(problem, locale);
			if (translated != null) {
				return translated;
			}
		}
		return english(problem);
	}

	/** A detail a controller already wrote in Chinese (from the bundles) is a sentence as it is. */
	private static boolean chinese(String detail) {
		return detail != null && detail.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	/** The bundles' sentence for a problem, or null: a field's first, then the problem type's. */
	static String translated(Problem problem, Locale locale) {
		MessageSource messages = messages();
		if (messages == null) {
			return null;
		}
		if (!problem.errors().isEmpty()) {
			String field = problem.errors().keySet().iterator().next();
			String message = messages.getMessage("problem.field." + field.substring(field.lastIndexOf('.') + 1),
					detail(problem), null, locale);
			if (message != null) {
				return message;
			}
		}
		return messages.getMessage("problem." + type(problem), detail(problem), null, locale);
	}

	/** The detail as the one argument {@code {0}} a sentence may quote. */
	private static Object[] detail(Problem problem) {
		return new Object[] { problem.getMessage() == null ? "" : problem.getMessage() };
	}

	/** {@code https://microshop.dev/problems/out-of-stock} as {@code out-of-stock}. */
	static String type(Problem problem) {
		String uri = problem.type().toString();
		return uri.substring(uri.lastIndexOf('/') + 1);
	}

	static String english(Problem problem) {
		String message = problem.getMessage();
		if (problem.errors().isEmpty() || message == null) {
			return message;
		}
		Map.Entry<String, String> first = problem.errors().entrySet().iterator().next();
		String field = first.getKey();
		String last = field.substring(field.lastIndexOf('.') + 1);
		if (!message.equals(first.getValue()) || message.toLowerCase(Locale.ROOT).startsWith(last.toLowerCase(Locale.ROOT))
				|| Character.isUpperCase(message.charAt(0))) {
			return message;
		}
		return words(last) + " " + message + ".";
	}

	/** The application's messages, found through the current request (none outside a request). */
	private static MessageSource messages() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		return RequestContextUtils.findWebApplicationContext(request);
	}

	/** {@code minRetailPrice} as {@code Min retail price}. */
	static String words(String camel) {
		String spaced = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
