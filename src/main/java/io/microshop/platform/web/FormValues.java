package io.microshop.platform.web;

import java.util.Optional;
import java.util.UUID;

/**
 * Values of forms and query strings, read leniently: what does not parse is "not given", so
 * a hand-edited address never turns into a 500.
 */
public final class FormValues {

	private FormValues() {
	}

	public static Optional<UUID> uuid(String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A page number from 0 to 10,000; anything else is the first page. */
	public static int page(String text) {
		try {
			return text == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(text.strip())));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
