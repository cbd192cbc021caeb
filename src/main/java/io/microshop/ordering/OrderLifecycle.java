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
import io.microshop.ledger.Ledger;
import io.microshop.ordering.OrderEvents.OrderCancelled;
import io.microshop.ordering.OrderEvents.OrderPaid;
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
 * writes the new status and books its money in the same transaction. Refunds a complaint
 * decides and the hold it puts on settlement: {@link OrderRefunds}.
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

	private final OrderSplits splits;

	private final ObjectProvider<GroupBuyPolicy> groupBuys;

	OrderLifecycle(OrderRows rows, Ordering ordering, OrderViews views, Catalog catalog, Payments payments, Ledger ledger,
			ApplicationEventPublisher events, OrderSettings settings, Clock clock, TransactionTemplate tx,
			OrderSplits splits, ObjectProvider<GroupBuyPolicy> groupBuys) {
		this.groupBuys = groupBuys;
		this.tx = tx;
		this.splits = splits;
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
			ledger.holdInEscrow(splits.asPaid(order));
			events.publishEvent(new OrderPaid(orderId, order.shopId(), order.supplierId(), order.total(), now));
			if (order.groupId() != null) {
				seat(rows.find(orderId).orElseThrow(), now);
			}
		}
		else if (order.status() == OrderStatus.CANCELLED) {
			// never paid as far as the order goes: no commission, the money goes straight back
			ledger.holdInEscrow(order.split());
			ledger.refund(order.split());
			payments.refundRest(order.paymentId());
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
				ledger.settle(splits.inEscrow(order));
				events.publishEvent(new OrderSettled(id, order.shopId(), order.total(), now));
			}
		});
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
			ledger.refund(splits.inEscrow(order));
			payments.refundRest(order.paymentId());
		}
		else {
			payments.cancel(order.paymentId());
		}
		events.publishEvent(new OrderCancelled(order.id(), order.shopId(), paid, now));
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
