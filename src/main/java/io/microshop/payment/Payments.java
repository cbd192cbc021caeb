package io.microshop.payment;

import java.time.Clock;
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
		return new PaymentView(paymentId, provider.name(), "PENDING", amount, currency);
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

	/** Returns a collected payment to its payer through the provider. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refund(UUID paymentId) {
		if (rows.markRefunded(paymentId, clock.instant())) {
			rows.find(paymentId).ifPresent(p -> provider.refund(p.view()));
		}
	}

}
