package io.microshop.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The {@code Idempotency-Key} header of the POSTs that create money-bearing things (orders,
 * withdrawals, refunds), read the same way everywhere: a key is 1-200 characters, a request is
 * known again by a hash of what it asked, and a key seen before with another request is
 * refused (409 {@code idempotency-key-reused}). Where the key is kept is each module's own.
 */
public final class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";

	private IdempotencyKeys() {
	}

	/** The key as sent (null when none was), or a 422 for an empty or overlong one. */
	public static String checked(String key) {
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw Problem.invalidField(HEADER, "must be 1-200 characters");
		}
		return key;
	}

	/** What the request asked, as a SHA-256 of its parts (their text, joined by {@code |}). */
	public static String requestHash(Object... parts) {
		String text = Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("|"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The refusal of a key that came back with another request. */
	public static Problem reused() {
		return Problem.conflict("idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used with a different request.");
	}

}
