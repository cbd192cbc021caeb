package io.microshop.platform.web;

import java.util.Locale;
import java.util.Map;

import io.microshop.platform.Problem;

/** A refusal as one sentence for a form: field errors get their field's name in front. */
public final class PageMessages {

	private PageMessages() {
	}

	public static String of(Problem problem) {
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

	/** {@code minRetailPrice} as {@code Min retail price}. */
	static String words(String camel) {
		String spaced = camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
