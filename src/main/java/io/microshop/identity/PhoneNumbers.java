package io.microshop.identity;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phone numbers are the account: one person, one normalised string. Numbers without a
 * country code are read as mainland China numbers.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/** The E.164 form ({@code +8613800138000}) of a plausible number, or empty. */
	public static Optional<String> normalise(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > 32) {
			return Optional.empty();
		}
		if (raw.chars().anyMatch(Character::isLetter)) {
			// no vanity numbers: "139abcd1234" must not quietly become someone's 13922231234
			return Optional.empty();
		}
		try {
			var number = UTIL.parse(raw.trim(), "CN");
			if (!UTIL.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** A number shown to people with its middle digits hidden. */
	public static String masked(String e164) {
		if (e164.length() < 8) {
			return e164;
		}
		return e164.substring(0, e164.length() - 8) + "****" + e164.substring(e164.length() - 4);
	}

}
