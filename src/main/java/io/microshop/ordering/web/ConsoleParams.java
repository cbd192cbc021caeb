package io.microshop.ordering.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.microshop.ordering.OrderStatus;
import io.microshop.platform.web.FormValues;

/** Query parameters of the order lists, read leniently: a bad value means "not given". */
final class ConsoleParams {

	/** The consoles' days are China time's. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ConsoleParams() {
	}

	static OrderStatus status(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(wanted)).findFirst().orElse(null);
	}

	/** A day typed as {@code yyyy-MM-dd} (what a date input sends); null when absent or malformed. */
	static LocalDate day(String text) {
		if (text == null || text.isBlank() || text.length() > 10) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static int page(String text) {
		return FormValues.page(text);
	}

	static Optional<UUID> id(String text) {
		return FormValues.uuid(text);
	}

}
