package io.microshop.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * What templates use to show values, as {@code ${@fmt.money(order.total)}}: money in yuan
 * and instants in Beijing time.
 */
@Component("fmt")
public class PageFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	public String money(long fen) {
		return Yuan.format(fen);
	}

	public String yuan(long fen) {
		return Yuan.plain(fen);
	}

	public String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	/** {@code PENDING_PAYMENT} as {@code Pending payment}. */
	public String status(Object status) {
		if (status == null) {
			return "";
		}
		String s = status.toString().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
