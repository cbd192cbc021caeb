package io.microshop.ordering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.microshop.ledger.EscrowSplit;
import io.microshop.ordering.OrderStatus;
import io.microshop.platform.Problem;

/**
 * An order and the rules of its life. Transitions check that they are allowed from the
 * current status and refuse (409) otherwise; persistence writes what they decide.
 */
public record Order(UUID id, UUID shopId, UUID supplierId, UUID listingId, UUID buyerAccountId, OrderStatus status,
		long goodsTotal, long supplyTotal, long shippingFee, long discount, long total, String currency,
		int platformFeeBps, UUID paymentId, String shipName, String shipPhone, String shipAddress, String shareCode,
		String carrier, String trackingNumber, Instant placedAt, Instant paymentDueAt, Instant paidAt,
		Instant shippedAt, Instant receivedAt, Instant settledAt, Instant cancelledAt, Instant refundedAt, UUID groupId,
		boolean awaitingGroup) {

	/** How the buyer's payment for this order is split, by the one split rule. */
	public EscrowSplit split() {
		return EscrowSplit.of(id, shopId, supplierId, currency, total, goodsTotal, supplyTotal, shippingFee,
				platformFeeBps);
	}

	/** The split with these commissions taken out of the seller's part. */
	public EscrowSplit split(List<EscrowSplit.Commission> commissions) {
		return EscrowSplit.of(id, shopId, supplierId, currency, total, goodsTotal, supplyTotal, shippingFee,
				platformFeeBps, commissions);
	}

	public void requireCancellable() {
		if (!status.cancellable()) {
			throw refused("cancelled");
		}
	}

	public void requireShippable() {
		if (status != OrderStatus.PAID || awaitingGroup) {
			throw refused("shipped");
		}
	}

	public void requireReceivable() {
		if (status != OrderStatus.SHIPPED) {
			throw refused("confirmed as received");
		}
	}

	public boolean paymentOverdue(Instant now) {
		return status == OrderStatus.PENDING_PAYMENT && !paymentDueAt.isAfter(now);
	}

	public boolean autoReceiveDue(Instant now, java.time.Duration after) {
		return status == OrderStatus.SHIPPED && !shippedAt.plus(after).isAfter(now);
	}

	public boolean settlementDue(Instant now, java.time.Duration window) {
		return status == OrderStatus.RECEIVED && !receivedAt.plus(window).isAfter(now);
	}

	/** The steps the order went through, oldest first. */
	public List<Step> timeline() {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(OrderStatus.PENDING_PAYMENT, placedAt));
		add(steps, OrderStatus.PAID, paidAt);
		add(steps, OrderStatus.SHIPPED, shippedAt);
		add(steps, OrderStatus.RECEIVED, receivedAt);
		add(steps, OrderStatus.SETTLED, settledAt);
		add(steps, OrderStatus.CANCELLED, cancelledAt);
		add(steps, OrderStatus.REFUNDED, refundedAt);
		steps.sort(java.util.Comparator.comparing(Step::at));
		return steps;
	}

	private static void add(List<Step> steps, OrderStatus status, Instant at) {
		if (at != null) {
			steps.add(new Step(status, at));
		}
	}

	private Problem refused(String what) {
		return Problem.conflict("invalid-order-state", "Not possible in this state",
				"An order that is " + status + (awaitingGroup ? " and waits for its group" : "") + " cannot be " + what
						+ ".");
	}

	public record Step(OrderStatus status, Instant at) {
	}

	public record Line(int lineNo, UUID skuId, String title, String skuName, int quantity, long unitPrice,
			long unitSupplyPrice) {
	}

}
