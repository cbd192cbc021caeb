package io.microshop.fission;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Share codes and visitor ids: random base62 strings from a {@link SecureRandom}. Ten
 * characters are about 59 bits, so codes cannot be guessed or walked, yet a link stays short.
 */
public final class ShareCodes {

	static final int CODE_LENGTH = 10;

	private static final int VISITOR_LENGTH = 22;

	private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

	private static final Pattern CODE = Pattern.compile("^[0-9A-Za-z]{8,10}$");

	private static final Pattern VISITOR = Pattern.compile("^[0-9A-Za-z]{16,40}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ShareCodes() {
	}

	static String newCode() {
		return random(CODE_LENGTH);
	}

	/** A fresh first-party visitor id, for the {@code ms_vid} cookie. */
	public static String newVisitorId() {
		return random(VISITOR_LENGTH);
	}

	/** Could this be a share code? Anything else is unknown without asking the database. */
	public static boolean looksLikeCode(String text) {
		return text != null && CODE.matcher(text).matches();
	}

	public static boolean looksLikeVisitorId(String text) {
		return text != null && VISITOR.matcher(text).matches();
	}

	private static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
		}
		return new String(chars);
	}

}
