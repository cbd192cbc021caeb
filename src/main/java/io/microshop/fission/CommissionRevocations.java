package io.microshop.fission;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.microshop.fission.persistence.CommissionRows;
import io.microshop.ledger.EscrowSplit.Commission;
import io.microshop.ledger.Ledger;
import io.microshop.ledger.LedgerAccounts;
import io.microshop.ledger.Posting;
import io.microshop.ordering.LockedOrder;
import io.microshop.ordering.OrderLifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back the pending commissions of an order flagged after it was paid. With the order's
 * row locked (no payment, refund or settlement of it can interleave), while escrow still holds
 * its money: one ledger transaction ({@value #COMMISSION_REVOKED}, once per order) moves what
 * each promoter's escrow holds for it back to the shop's escrow, and the commissions become
 * REVOKED. {@link Commissions#commissionsFor} leaves revoked commissions out from then on, so
 * the split ordering rebuilds at refund or settlement moves the same money again: the seller
 * gets it. A settled order is never touched: the flag is recorded, nothing is clawed back.
 */
@Service
class CommissionRevocations {

	static final String COMMISSION_REVOKED = "COMMISSION_REVOKED";

	private static final Logger log = LoggerFactory.getLogger(CommissionRevocations.class);

	private final OrderLifecycle orders;

	private final CommissionRows rows;

	private final Ledger ledger;

	private final Clock clock;

	CommissionRevocations(OrderLifecycle orders, CommissionRows rows, Ledger ledger, Clock clock) {
		this.orders = orders;
		this.rows = rows;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** How many commissions of the order were revoked (0 when none was pending or escrow let go). */
	@Transactional(propagation = Propagation.MANDATORY)
	int revoke(UUID orderId, FraudKind why) {
		return orders.withOrderLocked(orderId, order -> {
			if (!order.inEscrow()) {
				return 0;
			}
			List<Commission> pending = rows.pendingOf(orderId);
			if (pending.isEmpty()) {
				return 0;
			}
			List<Posting> postings = new ArrayList<>();
			for (Commission c : pending) {
				long held = held(c, order);
				if (held > 0) {
					postings.add(new Posting(LedgerAccounts.promoterEscrow(c.promoterAccountId()), -held));
					postings.add(new Posting(LedgerAccounts.shopEscrow(order.shopId()), held));
				}
			}
			if (!postings.isEmpty()) {
				ledger.book(COMMISSION_REVOKED, orderId.toString(), Commissions.CURRENCY, postings);
			}
			int revoked = rows.markPending(orderId, CommissionStatus.REVOKED, clock.instant());
			log.info("Order {} flagged {}: {} pending commission(s) revoked", orderId, why, revoked);
			return revoked;
		}).orElse(0);
	}

	/**
	 * What the promoter's escrow holds for the commission now: all of it, or after partial
	 * refunds floor(amount x still paid / paid), as the ledger booked those refunds.
	 */
	static long held(Commission c, LockedOrder order) {
		if (order.refunded() == 0 || order.paid() == 0) {
			return c.amount();
		}
		return BigInteger.valueOf(c.amount())
			.multiply(BigInteger.valueOf(order.paid() - order.refunded()))
			.divide(BigInteger.valueOf(order.paid()))
			.longValueExact();
	}

}
