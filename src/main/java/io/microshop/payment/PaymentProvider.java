package io.microshop.payment;

import java.util.UUID;

/** The port to the payment provider that collects buyers' money into escrow and gives it back. */
public interface PaymentProvider {

	String name();

	/** Asks the provider to collect the payment; the outcome arrives later as a webhook. */
	void collect(PaymentView payment);

	/**
	 * Gives part or all of a collected payment back to the payer. Called after the refund is
	 * booked and committed, never inside a database transaction, and again with the same
	 * {@code refundId} (the idempotency key a real provider is given) if the node stopped
	 * before the answer was recorded.
	 * @return the provider's reference for the refund
	 */
	String refund(Refund refund);

	/** {@code amount} minor units of payment {@code paymentId} back to its payer. */
	record Refund(UUID refundId, UUID paymentId, long amount, String currency) {
	}

}
