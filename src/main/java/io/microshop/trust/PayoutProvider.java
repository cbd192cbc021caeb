package io.microshop.trust;

import java.util.UUID;

/**
 * The port to whoever moves money out of the platform to a seller's or supplier's own
 * account (a bank, a wallet). A built-in sandbox adapter pays at once. Called after the
 * withdrawal is booked and committed, never inside a database transaction; the withdrawal
 * id is the idempotency key a real provider would be given.
 */
public interface PayoutProvider {

	Result payOut(Request request);

	/** Pay {@code amount} minor units to {@code payee} (the verified legal name). */
	record Request(UUID withdrawalId, String payee, long amount, String currency) {
	}

	/** {@code paid} with the provider's reference, or refused with a reason. */
	record Result(boolean paid, String reference, String failure) {

		public static Result paid(String reference) {
			return new Result(true, reference, null);
		}

		public static Result refused(String failure) {
			return new Result(false, null, failure);
		}

	}

}
