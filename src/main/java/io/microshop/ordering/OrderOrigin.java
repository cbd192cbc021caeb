package io.microshop.ordering;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an order goes and which device placed it, as ordering tells listeners of
 * {@link OrderEvents.OrderPlaced}: the ship-to address reduced to its letters and digits
 * (full-width forms folded, case, spaces and punctuation dropped), so one place spelled in
 * capitals, with extra spaces or other commas is still one place; and the browser's first-party visitor
 * cookie {@value #DEVICE_COOKIE} (set by the share-link redirect or by the page checkout), only
 * when it is shaped like one.
 */
public final class OrderOrigin {

	/** The first-party visitor cookie, read by name: the share-link redirect sets it too. */
	public static final String DEVICE_COOKIE = "ms_vid";

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern DEVICE_ID = Pattern.compile("^[0-9A-Za-z]{16,40}$");

	private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private OrderOrigin() {
	}

	/** The address's letters and digits, lower case; empty for null. */
	public static String address(String address) {
		if (address == null) {
			return "";
		}
		String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
	}

	/** The cookie's value if it looks like a visitor id, else null (a tampered cookie is no device). */
	public static String deviceId(String cookie) {
		return cookie != null && DEVICE_ID.matcher(cookie).matches() ? cookie : null;
	}

	/** A fresh visitor id (22 base62 characters, about 131 bits), for a browser that has none. */
	public static String newDeviceId() {
		char[] chars = new char[22];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
		}
		return new String(chars);
	}

}
