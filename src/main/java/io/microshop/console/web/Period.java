package io.microshop.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The dashboard's time ranges, in whole local days of China time (the platform's day, the
 * same the updates allowance turns on): today, the last 7 and the last 30 days, today
 * included.
 */
enum Period {

	TODAY("today", 1), WEEK("7d", 7), MONTH("30d", 30);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final String key;

	private final int days;

	Period(String key, int days) {
		this.key = key;
		this.days = days;
	}

	/** The period a query parameter names; 7 days when none or an unknown one. */
	static Period of(String key) {
		return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst().orElse(WEEK);
	}

	public String getKey() {
		return key;
	}

	public int getDays() {
		return days;
	}

	LocalDate last(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	LocalDate first(Clock clock) {
		return last(clock).minusDays(days - 1);
	}

	Instant from(Clock clock) {
		return first(clock).atStartOfDay(ZONE).toInstant();
	}

	/** The end of today: the range is whole days. */
	Instant to(Clock clock) {
		return last(clock).plusDays(1).atStartOfDay(ZONE).toInstant();
	}

}
