package io.microshop.fission.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microshop.fission.FraudRules.Hit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the signals kept about orders (who, where, which device, when; refunds). Writes are
 * idempotent: an event handled twice changes nothing the second time.
 */
@Repository
public class SignalRows {

	private final JdbcClient jdbc;

	SignalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds the shop's detection lock until the transaction ends: two orders of one shop are
	 * never judged at once, so each judgement sees the other's signals.
	 */
	public void lockShop(UUID shopId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('fraud:' || ?::text, 0))")
			.param(shopId)
			.query((rs, n) -> null)
			.list();
	}

	public void insertPlaced(UUID orderId, UUID shopId, UUID buyerId, String addressHash, String deviceId,
			Instant at) {
		jdbc.sql("""
				INSERT INTO order_signals (order_id, shop_id, buyer_account_id, address_hash, device_id, placed_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
			.params(orderId, shopId, buyerId, addressHash, deviceId, Timestamp.from(at))
			.update();
	}

	public void insertRefunded(UUID orderId, UUID shopId, Instant at) {
		jdbc.sql("INSERT INTO order_refunds (order_id, shop_id, refunded_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(orderId, shopId, Timestamp.from(at))
			.update();
	}

	/** The buyer whose order this is, if the order's placing was seen. */
	public java.util.Optional<UUID> buyerOf(UUID orderId) {
		return jdbc.sql("SELECT buyer_account_id FROM order_signals WHERE order_id = ?")
			.param(orderId)
			.query(UUID.class)
			.optional();
	}

	/** The buyer's orders at the shop placed within [from, to]; who is the order itself. */
	public List<Hit> ordersOfBuyer(UUID shopId, UUID buyerId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT order_id, placed_at FROM order_signals
				WHERE shop_id = ? AND buyer_account_id = ? AND placed_at BETWEEN ? AND ?""")
			.params(shopId, buyerId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				return new Hit(id, id, rs.getTimestamp(2).toInstant());
			})
			.list();
	}

	/** Orders at the shop to this address placed within [from, to]; who is the buyer. */
	public List<Hit> ordersToAddress(UUID shopId, String addressHash, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT order_id, buyer_account_id, placed_at FROM order_signals
				WHERE shop_id = ? AND address_hash = ? AND placed_at BETWEEN ? AND ?""")
			.params(shopId, addressHash, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** Orders at the shop from this device placed within [from, to]; who is the buyer. */
	public List<Hit> ordersFromDevice(UUID shopId, String deviceId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT order_id, buyer_account_id, placed_at FROM order_signals
				WHERE shop_id = ? AND device_id = ? AND placed_at BETWEEN ? AND ?""")
			.params(shopId, deviceId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** The buyer's orders at the shop that were refunded in full; at is when, who the order. */
	public List<Hit> refundsOfBuyer(UUID shopId, UUID buyerId) {
		return jdbc.sql("""
				SELECT s.order_id, r.refunded_at FROM order_signals s JOIN order_refunds r ON r.order_id = s.order_id
				WHERE s.shop_id = ? AND s.buyer_account_id = ?""")
			.params(shopId, buyerId)
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				return new Hit(id, id, rs.getTimestamp(2).toInstant());
			})
			.list();
	}

}
