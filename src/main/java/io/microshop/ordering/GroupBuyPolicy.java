package io.microshop.ordering;

import java.time.Instant;
import java.util.UUID;

/**
 * Group buys: the extension point through which another module (fission) prices and seats
 * group-buy orders without ordering depending on it. Without an implementation an order that
 * names a group deal or a group is refused (422).
 * <p>
 * Ordering asks {@link #join} while placing the order, in the placement's transaction and
 * before stock is taken, and {@link #seat} when the order's payment succeeded, in the
 * payment's transaction (the order row locked), after the money entered escrow.
 */
public interface GroupBuyPolicy {

	/**
	 * Opens a new group led by the buyer ({@code groupDealId}) or joins an open one
	 * ({@code groupId}); refuses with a problem (404 unknown, 409 {@code group-closed} or
	 * {@code group-full}, 422 another listing). Returns the group and the deal's terms.
	 */
	GroupTerms join(GroupJoin join);

	/**
	 * Gives the paid order a seat in its group, if one is left and the group is open and not
	 * expired at {@code now}.
	 */
	Seat seat(UUID groupId, UUID orderId, Instant now);

	/**
	 * The order is being cancelled (by its buyer, by the payment timeout or with its failed
	 * group), in the cancellation's transaction: a paid member of a group still open gives its
	 * seat back.
	 */
	void leave(UUID groupId, UUID orderId, Instant now);

	/** A buyer's order asking for a place in a group. */
	record GroupJoin(UUID orderId, UUID buyerId, String buyerName, UUID shopId, UUID listingId, UUID groupDealId,
			UUID groupId, Instant now) {
	}

	/** The group the order is in, and the only SKU it may buy at what unit price (fen). */
	record GroupTerms(UUID groupId, UUID skuId, long unitPrice) {
	}

	/** The outcome of asking for a seat. */
	enum Seat {

		/** Seated; the group still waits for more members. */
		SEATED,

		/** Seated in the last seat: the group succeeded. */
		FILLED,

		/** No seat (full, closed or expired): the order is cancelled and refunded. */
		REFUSED

	}

}
