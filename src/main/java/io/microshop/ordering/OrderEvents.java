package io.microshop.ordering;

import java.time.Instant;
import java.util.UUID;

/** Facts about orders, published in the transaction that made them true. */
public final class OrderEvents {

	private OrderEvents() {
	}

	/**
	 * A buyer placed an order (not paid yet). {@code shareCode} is the share link it came
	 * through, unchecked: whoever owns share links decides whether it counts. {@code shipTo} is
	 * the ship-to address normalised ({@link OrderOrigin#address}), so two spellings of one
	 * place compare equal; {@code deviceId} the browser's first-party visitor cookie, or null.
	 */
	public record OrderPlaced(UUID orderId, UUID shopId, UUID listingId, UUID buyerId, String shareCode, long total,
			Instant at, String shipTo, String deviceId) {
	}

	/** The buyer's money for the order is in escrow. */
	public record OrderPaid(UUID orderId, UUID shopId, UUID supplierId, long total, Instant at) {
	}

	/** The order was cancelled; {@code refunded} when money had been paid and went back. */
	public record OrderCancelled(UUID orderId, UUID shopId, boolean refunded, Instant at) {
	}

	/** The supplier handed the goods to a carrier. */
	public record OrderShipped(UUID orderId, UUID shopId, String carrier, String trackingNumber, Instant at) {
	}

	/** The last seat of a group buy was paid: the group's paid orders go to the supplier. */
	public record GroupFilled(UUID groupId, Instant at) {
	}

	/**
	 * Money went back to the buyer out of escrow before settlement: {@code amount} now,
	 * {@code refundedTotal} of the {@code paid} total so far. {@code full}: everything left
	 * went back and the order is REFUNDED; otherwise the order keeps its status and settles
	 * later with every part reduced (commissions in proportion to what is still paid).
	 */
	public record OrderRefunded(UUID orderId, UUID shopId, long amount, long paid, long refundedTotal, boolean full,
			Instant at) {
	}

	/** Escrow was released to supplier, platform and seller. */
	public record OrderSettled(UUID orderId, UUID shopId, long total, Instant at) {
	}

}
