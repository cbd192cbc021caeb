package io.microshop.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * Money a shop or supplier took out of its available balance to its payout account.
 * PROCESSING: booked out of the balance and handed to the payout provider; PAID: confirmed;
 * FAILED: refused by the provider, the money is back in the balance.
 */
public record Withdrawal(UUID id, String owner, UUID ownerId, UUID requestedBy, long amount, String currency,
		Status status, String payoutReference, String failure, String requestHash, Instant createdAt) {

	/** Where a withdrawal stands. */
	public enum Status {

		PROCESSING, PAID, FAILED

	}

}
