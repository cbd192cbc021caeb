package io.microshop.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.StockLine;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.EscrowSplit;
import io.microshop.ledger.Ledger;
import io.microshop.ordering.OrderEvents.OrderCancelled;
import io.microshop.ordering.OrderEvents.OrderPaid;
import io.microshop.ordering.OrderEvents.OrderRefunded;
import io.microshop.ordering.OrderEvents.OrderSettled;
import io.microshop.ordering.OrderEvents.OrderShipped;
import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.payment.Payments;
import io.microshop.platform.Problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order's life after checkout. Each transition locks the order row, checks the rule,
 * writes the new status and books its money in the same transaction.
 */
@Service
public class OrderLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

	private final OrderRows rows;

	private final Ordering ordering;

	private final OrderViews views;

	private final Catalog catalog;

	private final Payments payments;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final OrderSettings settings;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final ObjectProvider<CommissionPolicy> commissionPolicy;

	private final ObjectProvider<GroupBuyPolicy> groupBuys;

	OrderLifecycle(OrderRows rows, Ordering ordering, OrderViews views, Catalog catalog, Payments payments, Ledger ledger,
			ApplicationEventPublisher events, OrderSettings settings, Clock clock, TransactionTemplate tx,
			ObjectProvider<CommissionPolicy> commissionPolicy, ObjectProvider<GroupBuyPolicy> groupBuys) {
		this.groupBuys = groupBuys;
		this.tx = tx;
		this.commissionPolicy = commissionPolicy;
		this.rows = rows;
		this.ordering = ordering;
		this.views = views;
		this.catalog = catalog;
		this.payments = payments;
		this.ledger = ledger;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** The buyer cancels before shipping; a paid order is refunded in full. */
	@Transactional
	public OrderView cancel(UUID orderId, AccountPrincipal caller) {
		ordering.ownOrder(orderId, caller);
		Order order = locked(orderId);
		order.requireCancellable();
		cancel(order);
		return views.of(rows.find(orderId).orElseThrow());
	}

	/** The buyer confirms the goods arrived; the protection window starts. */
	@Transactional
	public OrderView confirmReceipt(UUID orderId, AccountPrincipal caller) {
		ordering.ownOrder(orderId, caller);
		Order order = locked(orderId);
		order.requireReceivable();
		rows.markReceived(orderId, clock.instant());
		return views.of(rows.find(orderId).orElseThrow());
	}

	/** The supplier hands the goods to a carrier. */
	@Transactional
	public OrderView ship(UUID supplierId, UUID orderId, AccountPrincipal caller, String carrier, String trackingNumber) {
		catalog.requireOwned(supplierId, caller);
		Order order = rows.findForUpdate(orderId)
			.filter(o -> o.supplierId().equals(supplierId))
			.orElseThrow(() -> Problem.notFound("The order"));
		order.requireShippable();
		Instant now = clock.instant();
		rows.markShipped(orderId, carrier.strip(), trackingNumber.strip(), now);
		events.publishEvent(new OrderShipped(orderId, order.shopId(), carrier.strip(), trackingNumber.strip(), now));
		return views.of(rows.find(orderId).orElseThrow());
	}

	/**
	 * The payment for an order succeeded. A pending order becomes paid and its money enters
	 * escrow; money for an order that was cancelled meanwhile goes straight back.
	 */
	@Transactional
	public void paymentSucceeded(UUID orderId) {
		Order order = rows.findForUpdate(orderId).orElse(null);
		if (order == null) {
			return;
		}
		Instant now = clock.instant();
		if (order.status() == OrderStatus.PENDING_PAYMENT) {
			rows.markPaid(orderId, now);
			ledger.holdInEscrow(split(order));
			events.publishEvent(new OrderPaid(orderId, order.shopId(), order.supplierId(), order.total(), now));
			if (order.groupId() != null) {
				seat(rows.find(orderId).orElseThrow(), now);
			}
		}
		else if (order.status() == OrderStatus.CANCELLED) {
			// never paid as far as the order goes: no commission, the money goes straight back
			ledger.holdInEscrow(order.split());
			ledger.refund(order.split());
			payments.refund(order.paymentId());
		}
	}

	/**
	 * A paid group order asks for its seat. Seated, it waits for the group (the supplier does
	 * not see it); the last seat releases the whole group to the supplier; no seat left (full,
	 * closed or expired): the order is cancelled at once, refunded in full, its stock released.
	 */
	private void seat(Order order, Instant now) {
		GroupBuyPolicy policy = groupBuys.getIfAvailable();
		GroupBuyPolicy.Seat seat = policy == null ? GroupBuyPolicy.Seat.REFUSED
				: policy.seat(order.groupId(), order.id(), now);
		switch (seat) {
			case SEATED -> {
				// waits (awaiting_group since placement) for the group to fill
			}
			case FILLED -> events.publishEvent(new OrderEvents.GroupFilled(order.groupId(), now));
			case REFUSED -> {
				log.info("Group order {} paid but got no seat in group {}: refunded", order.id(), order.groupId());
				cancel(order);
			}
		}
	}

	/**
	 * The group filled: its paid orders stop waiting and go to the supplier. Run after the
	 * last seat's transaction committed, so it never holds the group's row while locking orders.
	 */
	@Transactional
	public int releaseGroup(UUID groupId) {
		return rows.releaseGroup(groupId);
	}

	/**
	 * Cancels the open orders of a group that failed (its window closed short): paid ones are
	 * refunded in full, all stock is released. A system action: no caller is checked. Each
	 * order in its own transaction; returns how many are still open (a failure, retried).
	 */
	public int cancelGroupOrders(UUID groupId) {
		List<UUID> ids = rows.openOrdersOfGroup(groupId);
		int done = each(ids, id -> {
			Order order = locked(id);
			if (order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.PAID) {
				cancel(order);
			}
		});
		return ids.size() - done;
	}

	/** Cancels every order whose payment time ran out; returns how many. */
	public int cancelOverdueUnpaid() {
		return each(rows.overdueUnpaid(clock.instant(), 500), id -> {
			Order order = locked(id);
			if (order.paymentOverdue(clock.instant())) {
				cancel(order);
			}
		});
	}

	/** Confirms receipt of orders shipped longer ago than the auto-receive period. */
	public int autoReceive() {
		return each(rows.shippedBefore(clock.instant().minus(settings.autoReceiveAfter()), 500), id -> {
			Order order = locked(id);
			if (order.autoReceiveDue(clock.instant(), settings.autoReceiveAfter())) {
				rows.markReceived(id, clock.instant());
			}
		});
	}

	/** Settles orders whose protection window closed: escrow goes to the parties. */
	public int settleDue() {
		return each(rows.receivedBefore(clock.instant().minus(settings.protectionWindow()), 500), id -> {
			Order order = locked(id);
			if (order.settlementDue(clock.instant(), settings.protectionWindow()) && !rows.settlementHeld(id)) {
				Instant now = clock.instant();
				rows.markSettled(id, now);
				ledger.settle(escrowSplit(order));
				events.publishEvent(new OrderSettled(id, order.shopId(), order.total(), now));
			}
		});
	}

	/**
	 * Freezes the order's settlement (a complaint was opened): the sweep passes it by until
	 * {@link #releaseHold}. A system action, no caller is checked; joins the caller's
	 * transaction with the order row locked, and returns the order as it is now, so the caller
	 * can check its rule (say, the protection window) against a state nobody else changes.
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
	 * goods are not put back on sale. A system action: the caller decided it may happen.
	 * @return what went back, as published
	 */
	@Transactional
	public OrderRefunded refundInFull(UUID orderId) {
		Order order = locked(orderId);
		requireRefundable(order);
		EscrowSplit remaining = escrowSplit(order);
		Instant now = clock.instant();
		rows.markRefunded(orderId, now);
		if (order.status() == OrderStatus.PAID) {
			if (order.groupId() != null && groupBuys.getIfAvailable() != null) {
				groupBuys.getIfAvailable().leave(order.groupId(), orderId, now);
			}
			catalog.release(rows.lines(orderId).stream().map(l -> new StockLine(l.skuId(), l.quantity())).toList());
		}
		ledger.refund(remaining);
		payments.refund(order.paymentId());
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
		ledger.refundPart(split(order), before, amount);
		rows.addRefunded(orderId, amount);
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

	/** What escrow holds for the order now: the split as paid, less the partial refunds given. */
	private EscrowSplit escrowSplit(Order order) {
		return split(order).afterPartialRefund(rows.refundedAmount(order.id()));
	}

	/**
	 * Runs {@code action} on the order's current status with its row locked, in the caller's
	 * transaction: no payment, refund or settlement of the order can interleave until that
	 * transaction ends. For another module that moves the order's money (a commission revoked).
	 * Empty for an unknown order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> Optional<T> withOrderLocked(UUID orderId, Function<LockedOrder, T> action) {
		return rows.findForUpdate(orderId)
			.map(order -> action.apply(new LockedOrder(order.id(), order.shopId(), order.status(), order.total(),
					rows.refundedAmount(order.id()))));
	}

	private void cancel(Order order) {
		Instant now = clock.instant();
		rows.markCancelled(order.id(), now);
		GroupBuyPolicy groupPolicy = order.groupId() == null ? null : groupBuys.getIfAvailable();
		if (groupPolicy != null) {
			groupPolicy.leave(order.groupId(), order.id(), now);
		}
		List<StockLine> stock = rows.lines(order.id())
			.stream()
			.map(l -> new StockLine(l.skuId(), l.quantity()))
			.toList();
		catalog.release(stock);
		boolean paid = order.status() == OrderStatus.PAID;
		if (paid) {
			ledger.refund(escrowSplit(order));
			payments.refund(order.paymentId());
		}
		else {
			payments.cancel(order.paymentId());
		}
		events.publishEvent(new OrderCancelled(order.id(), order.shopId(), paid, now));
	}

	/**
	 * The order's split with the commissions the policy decided when it was paid (asked in
	 * the caller's transaction, the order row locked; the policy answers the same every time).
	 */
	private EscrowSplit split(Order order) {
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

	private Order locked(UUID orderId) {
		return rows.findForUpdate(orderId).orElseThrow(() -> Problem.notFound("The order"));
	}

	/** Each order in its own transaction, so one failure does not hold back the others. */
	private int each(List<UUID> ids, Consumer<UUID> transition) {
		int done = 0;
		for (UUID id : ids) {
			try {
				tx.executeWithoutResult(status -> transition.accept(id));
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("Scheduled transition of order {} failed; it is retried on the next run", id, ex);
			}
		}
		return done;
	}

}
