package io.microshop.fission.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.microshop.fission.ShareLink;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the orders share links brought. Every write is idempotent, so an event delivered
 * twice (republished after a crash) changes nothing the second time.
 */
@Repository
public class ShareOrderRows {

	private final JdbcClient jdbc;

	ShareOrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertAttributed(UUID orderId, ShareLink link, UUID buyerId, long total, Instant placedAt) {
		jdbc.sql("""
				INSERT INTO share_orders (order_id, shop_id, code, sharer_account_id, buyer_account_id, total, placed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
			.params(orderId, link.shopId(), link.code(), link.sharerAccountId(), buyerId, total, Timestamp.from(placedAt))
			.update();
	}

	/** Marks an attributed order paid; false when the order is not one a link brought. */
	public boolean markPaid(UUID orderId, UUID shopId, long paidTotal, Instant at) {
		return jdbc.sql("""
				UPDATE share_orders SET paid_total = ?, paid_at = ?
				WHERE order_id = ? AND shop_id = ? AND paid_at IS NULL""")
			.params(paidTotal, Timestamp.from(at), orderId, shopId)
			.update() == 1;
	}

	public boolean markCancelled(UUID orderId, UUID shopId, Instant at) {
		return jdbc.sql("UPDATE share_orders SET cancelled_at = ? WHERE order_id = ? AND shop_id = ? AND cancelled_at IS NULL")
			.params(Timestamp.from(at), orderId, shopId)
			.update() == 1;
	}

	/**
	 * Records what went back to the buyer so far (events may come late or twice: the larger
	 * total wins); an order refunded in full stops counting, as a cancelled one.
	 */
	public boolean markRefunded(UUID orderId, UUID shopId, long refundedTotal, boolean full, Instant at) {
		return jdbc.sql("""
				UPDATE share_orders SET refunded_total = greatest(refunded_total, ?),
					cancelled_at = CASE WHEN ? THEN coalesce(cancelled_at, ?) ELSE cancelled_at END
				WHERE order_id = ? AND shop_id = ?""")
			.params(refundedTotal, full, Timestamp.from(at), orderId, shopId)
			.update() == 1;
	}

}
