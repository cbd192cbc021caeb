package io.microshop.fission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a link was shared; every statistic can be broken down by it. */
public enum Channel {

	WECHAT, WEIBO, FACEBOOK, PINTEREST, MOMO, LINK;

	/** The pattern of {@link #key()}s, for request validation. */
	public static final String KEYS = "wechat|weibo|facebook|pinterest|momo|link";

	/** The lowercase name used in the API and stored in the database. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Channel> of(String key) {
		return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
	}

}
