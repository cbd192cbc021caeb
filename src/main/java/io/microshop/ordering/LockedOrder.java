package io.microshop.ordering;

import java.util.UUID;

/**
 * An order as {@link OrderLifecycle#withOrderLocked} shows it, its row locked: its status, what
 * the buyer paid and how much of it partial refunds already gave back (fen).
 */
public record LockedOrder(UUID orderId, UUID shopId, OrderStatus status, long paid, long refunded) {

	/** Escrow still holds the order's money: paid, not settled, not refunded or cancelled. */
	public boolean inEscrow() {
		return status == OrderStatus.PAID || status == OrderStatus.SHIPPED || status == OrderStatus.RECEIVED;
	}

}
