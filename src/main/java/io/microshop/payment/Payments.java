package io.microshop.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.payment.persistence.PaymentRows;
import io.microshop.platform.Problem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The payment facade: open a payment with an order, have it collected, take provider events. */
@Service
public class Payments {

	private final PaymentRows rows;

	private final PaymentProvider provider;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Payments(PaymentRows rows, PaymentProvider provider, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.provider = provider;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a pending payment for an order, in the order's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public PaymentView open(UUID paymentId, UUID orderId, UUID shopId, UUID payer, long amount, String currency) {
		rows.insert(paymentId, orderId, shopId, payer, provider.name(), amount, currency, clock.instant());
		return new PaymentView(paymentId, provider.name(), "PENDING", amount, currency, 0);
	}

	@Transactional(readOnly = true)
	public Optional<PaymentView> payment(UUID paymentId) {
		return rows.find(paymentId).map(PaymentRows.PaymentRow::view);
	}

	/** The payer asks the provider to collect; only the payer of a pending payment may. */
	@Transactional(readOnly = true)
	public PaymentView pay(UUID paymentId, AccountPrincipal caller) {
		PaymentRows.PaymentRow payment = rows.find(paymentId)
			.filter(p -> caller.is(p.payerAccountId()))
			.orElseThrow(() -> Problem.notFound("The payment"));
		switch (payment.status()) {
			case "PENDING" -> provider.collect(payment.view());
			case "SUCCEEDED" -> {
				// already paid: nothing to collect again
			}
			default -> throw Problem.conflict("payment-closed", "Payment closed",
					"This payment is " + payment.status().toLowerCase() + " and can no longer be paid.");
		}
		return payment.view();
	}

	/**
	 * A verified provider event. Stored by its id first: a replay finds the row and does
	 * nothing. A success marks the payment and publishes {@link PaymentSucceeded} in the same
	 * transaction (the event publication registry keeps it until ordering has handled it).
	 * @return false for a replayed event
	 */
	@Transactional
	public boolean succeeded(String eventId, String type, UUID paymentId, long amount, String currency,
			String payload) {
		PaymentRows.PaymentRow payment = rows.findForUpdate(paymentId)
			.orElseThrow(() -> new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-webhook",
					"Invalid webhook", "Unknown payment."));
		if (payment.amount() != amount || !payment.currency().equals(currency)) {
			throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook",
					"The amount or currency does not match the payment.");
		}
		if (!rows.insertEvent(eventId, provider.name(), paymentId, type, payload, clock.instant())) {
			return false;
		}
		if (rows.markSucceeded(paymentId, clock.instant())) {
			events.publishEvent(new PaymentSucceeded(paymentId, payment.orderId(), amount, currency, clock.instant()));
		}
		return true;
	}

	/** Records a provider event that needs no action, once. */
	@Transactional
	public boolean recordOther(String eventId, String type, String payload) {
		return rows.insertEvent(eventId, provider.name(), null, type, payload, clock.instant());
	}

	/** An unpaid order gave up: a late success will be refunded. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void cancel(UUID paymentId) {
		rows.markCancelled(paymentId);
	}

	/**
	 * Books {@code amount} of a collected payment as given back, in the caller's transaction;
	 * the provider is asked after it commits ({@link PaymentRefunds}). Nothing happens for a
	 * payment that was never collected.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refund(UUID paymentId, long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("A refund must be more than 0, not " + amount);
		}
		requestRefund(paymentId, amount);
	}

	/** Books all a collected payment has not yet given back (a cancellation, a full refund after a partial one). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refundRest(UUID paymentId) {
		requestRefund(paymentId, null);
	}

	private void requestRefund(UUID paymentId, Long amount) {
		Instant now = clock.instant();
		long booked = rows.addRefunded(paymentId, amount, now);
		if (booked > 0) {
			UUID refundId = UUID.randomUUID();
			rows.insertRefund(refundId, paymentId, booked, now);
			events.publishEvent(new RefundRequested(refundId));
		}
		else if (amount != null && rows.find(paymentId).filter(p -> "SUCCEEDED".equals(p.status())).isPresent()) {
			// the order's books and the payment's must agree: a refund beyond what was paid is a bug
			throw new IllegalStateException("Payment " + paymentId + " has less than " + amount + " left to refund");
		}
	}

	/** A refund booked and committed, for the provider to be told of. */
	record RefundRequested(UUID refundId) {
	}

}
