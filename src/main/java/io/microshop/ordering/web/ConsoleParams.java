package io.microshop.ordering.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.microshop.ordering.OrderStatus;
import io.microshop.platform.web.FormValues;

/** Query parameters of the order lists, read leniently: a bad value means "not given". */
final class ConsoleParams {

	private ConsoleParams() {
	}

	static OrderStatus status(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(wanted)).findFirst().orElse(null);
	}

	static int page(String text) {
		return FormValues.page(text);
	}

	static Optional<UUID> id(String text) {
		return FormValues.uuid(text);
	}

}
