package io.microshop.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What templates use to show values, as {@code ${@fmt.money(order.total)}}: money in yuan
 * ({@code ¥12.34} in both languages), instants in Beijing time written the way the page's
 * language writes dates, and statuses in words of the page's language.
 */
@Component("fmt")
public class PageFormat {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter
		.ofPattern("yyyy年M月d日 HH:mm", Languages.CHINESE)
		.withZone(BEIJING);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter
		.ofPattern("MMM d, yyyy, HH:mm", Languages.ENGLISH)
		.withZone(BEIJING);

	private final MessageSource messages;

	PageFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String money(long fen) {
		return Yuan.format(fen);
	}

	public String yuan(long fen) {
		return Yuan.plain(fen);
	}

	/** {@code 2026年11月25日 10:00} on Chinese pages, {@code Nov 25, 2026, 10:00} on English ones. */
	public String time(Instant at) {
		return at == null ? "" : time(at, LocaleContextHolder.getLocale());
	}

	static String time(Instant at, Locale locale) {
		return (english(locale) ? ENGLISH_TIME : CHINESE_TIME).format(at);
	}

	/**
	 * A status in the page's language, from the {@code status.*} keys of the bundles; one
	 * without a key reads as words ({@code PENDING_PAYMENT} as {@code Pending payment}).
	 */
	public String status(Object status) {
		if (status == null) {
			return "";
		}
		String name = status.toString();
		return messages.getMessage("status." + name, null, words(name), LocaleContextHolder.getLocale());
	}

	static String words(String name) {
		if (name.isEmpty()) {
			return name;
		}
		String s = name.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
