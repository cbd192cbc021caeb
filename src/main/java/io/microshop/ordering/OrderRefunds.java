package io.microshop.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.StockLine;
import io.microshop.ledger.EscrowSplit;
import io.microshop.ledger.Ledger;
import io.microshop.ordering.OrderEvents.OrderRefunded;
import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.payment.Payments;
import io.microshop.platform.Problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a complaint does to an order: holds its settlement while it is open, and gives money
 * back out of escrow, in full or in part. System actions (the caller decided they may
 * happen); each locks the order row and books its money in the same transaction.
 */
@Service
public class OrderRefunds {

	private final OrderRows rows;

	private final OrderViews views;

	private final OrderSplits splits;

	private final Catalog catalog;

	private final Payments payments;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final OrderSettings settings;

	private final Clock clock;

	private final ObjectProvider<GroupBuyPolicy> groupBuys;

	OrderRefunds(OrderRows rows, OrderViews views, OrderSplits splits, Catalog catalog, Payments payments,
			Ledger ledger, ApplicationEventPublisher events, OrderSettings settings, Clock clock,
			ObjectProvider<GroupBuyPolicy> groupBuys) {
		this.rows = rows;
		this.views = views;
		this.splits = splits;
		this.catalog = catalog;
		this.payments = payments;
		this.ledger = ledger;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.groupBuys = groupBuys;
	}

	/**
	 * Freezes the order's settlement (a complaint was opened): the sweep passes it by until
	 * {@link #releaseHold}. Joins the caller's transaction with the order row locked, and
	 * returns the order as it is now, so the caller can check its rule (say, the protection
	 * window) against a state nobody else changes.
	 */
	@Transactional
	public OrderView hold(UUID orderId) {
		Order order = locked(orderId);
		rows.holdSettlement(orderId, true);
		return views.of(order);
	}

	/** Unfreezes the settlement: an order whose window closed meanwhile settles on the next sweep. */
	@Transactional
	public void releaseHold(UUID orderId) {
		locked(orderId);
		rows.holdSettlement(orderId, false);
	}

	/**
	 * Whether the buyer is still protected: the goods are on their way, or were received less
	 * than the protection window ago (after it, the order settles).
	 */
	public boolean withinProtectionWindow(OrderView order) {
		Instant at = clock.instant();
		return switch (order.status()) {
			case SHIPPED -> true;
			case RECEIVED -> order.timeline()
				.stream()
				.filter(s -> s.status() == OrderStatus.RECEIVED)
				.anyMatch(s -> s.at().plus(settings.protectionWindow()).isAfter(at));
			default -> false;
		};
	}

	/** Whether the order's settlement is frozen (a complaint about it is open). */
	@Transactional(readOnly = true)
	public boolean settlementHeld(UUID orderId) {
		return rows.settlementHeld(orderId);
	}

	/**
	 * Gives back everything escrow still holds for the order (what earlier partial refunds
	 * left) before settlement: the order becomes REFUNDED, the payment is refunded. Stock is
	 * released only for an order still PAID (the goods never left the warehouse); shipped
	 * goods are not put back on sale.
	 * @return what went back, as published
	 */
	@Transactional
	public OrderRefunded refundInFull(UUID orderId) {
		Order order = locked(orderId);
		requireRefundable(order);
		EscrowSplit remaining = splits.inEscrow(order);
		Instant now = clock.instant();
		rows.markRefunded(orderId, now);
		if (order.status() == OrderStatus.PAID) {
			GroupBuyPolicy groupPolicy = order.groupId() == null ? null : groupBuys.getIfAvailable();
			if (groupPolicy != null) {
				groupPolicy.leave(order.groupId(), orderId, now);
			}
			catalog.release(rows.lines(orderId).stream().map(l -> new StockLine(l.skuId(), l.quantity())).toList());
		}
		ledger.refund(remaining);
		payments.refundRest(order.paymentId());
		OrderRefunded refunded = new OrderRefunded(orderId, order.shopId(), remaining.paid(), order.total(),
				order.total(), true, now);
		events.publishEvent(refunded);
		return refunded;
	}

	/**
	 * Gives {@code amount} back to the buyer out of escrow; the order keeps its status and
	 * settles later with the reduced split. Refused (422 {@code refund-too-large}) unless less
	 * than what escrow still holds for the buyer: giving back all of it is a full refund.
	 * @return what went back, as published
	 */
	@Transactional
	public OrderRefunded refundPart(UUID orderId, long amount) {
		Order order = locked(orderId);
		requireRefundable(order);
		if (amount <= 0) {
			throw Problem.invalidField("refundAmount", "must be more than 0");
		}
		long before = rows.refundedAmount(orderId);
		long remaining = order.total() - before;
		if (amount >= remaining) {
			throw Problem.unprocessable("refund-too-large", "Refund too large",
					"A partial refund must be less than the " + remaining
							+ " fen still held for this order; give a full refund instead.");
		}
		ledger.refundPart(splits.asPaid(order), before, amount);
		rows.addRefunded(orderId, amount);
		payments.refund(order.paymentId(), amount);
		OrderRefunded refunded = new OrderRefunded(orderId, order.shopId(), amount, order.total(), before + amount,
				false, clock.instant());
		events.publishEvent(refunded);
		return refunded;
	}

	private static void requireRefundable(Order order) {
		if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.SHIPPED
				&& order.status() != OrderStatus.RECEIVED) {
			throw Problem.conflict("invalid-order-state", "Not possible in this state",
					"An order that is " + order.status() + " cannot be refunded.");
		}
	}

	private Order locked(UUID orderId) {
		return rows.findForUpdate(orderId).orElseThrow(() -> Problem.notFound("The order"));
	}

}
