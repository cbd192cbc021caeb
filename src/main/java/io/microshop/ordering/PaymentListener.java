package io.microshop.ordering;

import io.microshop.payment.PaymentSucceeded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Marks orders paid when their payment succeeds. Runs after the webhook's transaction
 * committed, in its own; the event publication registry keeps the event until this
 * completes, so a crash in between loses nothing (it is republished at restart).
 */
@Component
class PaymentListener {

	private final OrderLifecycle lifecycle;

	PaymentListener(OrderLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded event) {
		lifecycle.paymentSucceeded(event.orderId());
	}

}
