package io.microshop.ordering;

import java.util.List;

import io.microshop.ledger.EscrowSplit;
import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How an order's money divides between the parties: the split as paid, with the commissions
 * the policy decided, and what escrow still holds once partial refunds were given. Asked in
 * the caller's transaction with the order row locked.
 */
@Component
class OrderSplits {

	private final OrderRows rows;

	private final ObjectProvider<CommissionPolicy> commissionPolicy;

	OrderSplits(OrderRows rows, ObjectProvider<CommissionPolicy> commissionPolicy) {
		this.rows = rows;
		this.commissionPolicy = commissionPolicy;
	}

	/** The order's split with the commissions the policy decided when it was paid (it answers the same every time). */
	EscrowSplit asPaid(Order order) {
		CommissionPolicy policy = order.shareCode() == null ? null : commissionPolicy.getIfAvailable();
		if (policy == null) {
			return order.split();
		}
		List<PaidOrder.Line> lines = rows.lines(order.id())
			.stream()
			.map(l -> new PaidOrder.Line(l.skuId(), l.quantity(), l.unitPrice(), l.unitSupplyPrice()))
			.toList();
		return order.split(policy.commissionsFor(
				new PaidOrder(order.id(), order.shopId(), order.buyerAccountId(), order.shareCode(), lines)));
	}

	/** What escrow holds for the order now: the split as paid, less the partial refunds given. */
	EscrowSplit inEscrow(Order order) {
		return asPaid(order).afterPartialRefund(rows.refundedAmount(order.id()));
	}

}
