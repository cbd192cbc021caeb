package io.microshop.fission;

import io.microshop.ordering.OrderEvents.OrderCancelled;
import io.microshop.ordering.OrderEvents.OrderRefunded;
import io.microshop.ordering.OrderEvents.OrderSettled;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps commission statuses in step with their orders, after the order's transaction
 * committed (the ledger moved the money in that transaction; this is the promoter's view of
 * it). Idempotent: only PENDING commissions move.
 */
@Component
class CommissionEvents {

	private final Commissions commissions;

	CommissionEvents(Commissions commissions) {
		this.commissions = commissions;
	}

	@ApplicationModuleListener
	void on(OrderSettled settled) {
		commissions.settled(settled.orderId(), settled.at());
	}

	/** Only a refunded order can have had commissions: no publication is stored for the others. */
	@ApplicationModuleListener(condition = "#p0.refunded()")
	void on(OrderCancelled cancelled) {
		commissions.cancelled(cancelled.orderId(), cancelled.at());
	}

	/** Money went back out of escrow (a complaint upheld): commissions reduced or cancelled with it. */
	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		commissions.refunded(refunded.orderId(), refunded.paid(), refunded.refundedTotal(), refunded.full(),
				refunded.at());
	}

}
