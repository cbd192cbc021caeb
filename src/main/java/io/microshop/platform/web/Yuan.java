package io.microshop.platform.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import io.microshop.platform.Problem;

/**
 * Money as people read and type it: integer fen shown as {@code ¥12.34}, and yuan typed as
 * {@code 12.5} read back into fen exactly (no floating point on the way).
 */
public final class Yuan {

	/** The largest amount a form may carry: ¥1,000,000.00, the API's own bound. */
	public static final long MAX_FEN = 100_000_000L;

	private static final Pattern AMOUNT = Pattern.compile("^\\d{1,9}(\\.\\d{1,2})?$");

	private Yuan() {
	}

	/** {@code 1234} as {@code ¥12.34}; a negative amount as {@code -¥12.34}. */
	public static String format(long fen) {
		return (fen < 0 ? "-¥" : "¥") + plain(Math.abs(fen));
	}

	/** {@code 1234} as {@code 12.34}: what a price field is pre-filled with. */
	public static String plain(long fen) {
		return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
	}

	/**
	 * Reads an amount typed in yuan ({@code 12}, {@code 12.5}, {@code ¥12.50}) into fen.
	 * @throws Problem (422) naming the field when the text is not such an amount or is too big
	 */
	public static long parse(String field, String text) {
		String t = text == null ? "" : text.strip().replace("¥", "").replace(",", "").strip();
		if (!AMOUNT.matcher(t).matches()) {
			throw Problem.invalidField(field, field + " must be an amount in yuan, like 12.50");
		}
		long fen = new BigDecimal(t).movePointRight(2).longValueExact();
		if (fen > MAX_FEN) {
			throw Problem.invalidField(field, field + " must be at most " + format(MAX_FEN));
		}
		return fen;
	}

}
