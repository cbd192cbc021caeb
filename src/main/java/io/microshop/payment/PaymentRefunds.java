package io.microshop.payment;

import java.time.Clock;

import io.microshop.payment.PaymentProvider.Refund;
import io.microshop.payment.Payments.RefundRequested;
import io.microshop.payment.persistence.PaymentRows;
import io.microshop.payment.persistence.PaymentRows.RefundRow;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the provider of each refund once it is booked and committed, outside any database
 * transaction, and records its reference. The event publication registry is the outbox: a
 * node stopped, or a provider that failed, before the answer was recorded leaves the
 * publication incomplete, and it is handed over again (same refund id, so the provider gives
 * the money back once).
 */
@Component
class PaymentRefunds {

	private final PaymentRows rows;

	private final PaymentProvider provider;

	private final Clock clock;

	PaymentRefunds(PaymentRows rows, PaymentProvider provider, Clock clock) {
		this.rows = rows;
		this.provider = provider;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(RefundRequested requested) {
		RefundRow refund = rows.findRefund(requested.refundId()).orElseThrow();
		if (!"REQUESTED".equals(refund.status())) {
			return;
		}
		String reference = provider
			.refund(new Refund(refund.id(), refund.paymentId(), refund.amount(), refund.currency()));
		rows.markRefundSent(refund.id(), reference, clock.instant());
	}

}
