/**
 * Ordering: the checkout (stock reserved by a conditional update in the order's own
 * transaction, idempotent on the caller's key) and the order lifecycle, PENDING_PAYMENT ->
 * PAID -> SHIPPED -> RECEIVED -> SETTLED, with CANCELLED and REFUNDED; fulfilment by the
 * supplier; and the scheduled transitions (payment timeout, auto-receive, settlement after
 * the protection window). Every money movement of an order is booked in the ledger in the
 * same transaction as the state change. Group-buy orders are priced and seated through the
 * {@code GroupBuyPolicy} extension point and wait in PAID, unseen by the supplier, until their
 * group fills.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering",
		allowedDependencies = { "platform", "identity", "identity :: web-sign-in", "catalog", "shop", "payment",
				"ledger" })
package io.microshop.ordering;
