package io.microshop.fission.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

	/** The shop's detection lock, held until the transaction ends; its one parameter is the shop. */
	private static final String DETECTION_LOCK = "pg_advisory_xact_lock(hashtextextended('fraud:' || ?::text, 0))";

	private final JdbcClient jdbc;

	SignalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds the shop's detection lock until the transaction ends: two orders of one shop are
	 * never judged at once, so each judgement sees the other's signals.
	 */
	public void lockShop(UUID shopId) {
		jdbc.sql("SELECT " + DETECTION_LOCK)
			.param(shopId)
			.query((rs, n) -> null)
			.list();
	}

	/**
	 * Takes the shop's detection lock ({@link #lockShop}) and records the order's signals, in one
	 * statement: the lock is taken while the row to insert is computed.
	 */
	public void lockShopAndInsertPlaced(UUID orderId, UUID shopId, UUID buyerId, String addressHash,
			String deviceId, Instant at) {
		jdbc.sql("""
				INSERT INTO order_signals (order_id, shop_id, buyer_account_id, address_hash, device_id, placed_at)
				SELECT ?, ?, ?, ?, ?, ?
				FROM (SELECT %s) AS detection_lock
				ON CONFLICT (order_id) DO NOTHING""".formatted(DETECTION_LOCK))
			.params(orderId, shopId, buyerId, addressHash, deviceId, Timestamp.from(at), shopId)
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

	/**
	 * Everything the rules need to judge a newly placed order, in one query: the buyer's orders
	 * at the shop within the burst window (who: the order), the orders to the address and from
	 * the device within the shared window (who: the buyer; no device, no rows) and the buyer's
	 * refunds at the shop (who: the order, at: when refunded).
	 */
	public Surroundings surroundings(UUID shopId, UUID buyerId, String addressHash, String deviceId, Instant at,
			Duration burst, Duration shared) {
		Timestamp burstFrom = Timestamp.from(at.minus(burst));
		Timestamp burstTo = Timestamp.from(at.plus(burst));
		Timestamp sharedFrom = Timestamp.from(at.minus(shared));
		Timestamp sharedTo = Timestamp.from(at.plus(shared));
		Surroundings found = new Surroundings(new Rule(), new Rule(), new Rule(), new ArrayList<>());
		jdbc.sql("""
				SELECT 'B', order_id, order_id, placed_at, EXISTS (SELECT 1 FROM fraud_flags f
					WHERE f.order_id = o.order_id AND f.kind = 'BURST') FROM order_signals o
				WHERE shop_id = :shop AND buyer_account_id = :buyer AND placed_at BETWEEN :burstFrom AND :burstTo
				UNION ALL
				SELECT 'A', order_id, buyer_account_id, placed_at, EXISTS (SELECT 1 FROM fraud_flags f
					WHERE f.order_id = o.order_id AND f.kind = 'SHARED_ADDRESS') FROM order_signals o
				WHERE shop_id = :shop AND address_hash = :address AND placed_at BETWEEN :sharedFrom AND :sharedTo
				UNION ALL
				SELECT 'D', order_id, buyer_account_id, placed_at, EXISTS (SELECT 1 FROM fraud_flags f
					WHERE f.order_id = o.order_id AND f.kind = 'SHARED_DEVICE') FROM order_signals o
				WHERE shop_id = :shop AND device_id = :device AND placed_at BETWEEN :sharedFrom AND :sharedTo
				UNION ALL
				SELECT 'R', s.order_id, s.order_id, r.refunded_at, FALSE
				FROM order_signals s JOIN order_refunds r ON r.order_id = s.order_id
				WHERE s.shop_id = :shop AND s.buyer_account_id = :buyer""")
			.param("shop", shopId)
			.param("buyer", buyerId)
			.param("address", addressHash)
			.param("device", deviceId, Types.VARCHAR)
			.param("burstFrom", burstFrom)
			.param("burstTo", burstTo)
			.param("sharedFrom", sharedFrom)
			.param("sharedTo", sharedTo)
			.query(rs -> {
				Hit hit = new Hit(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant());
				boolean flagged = rs.getBoolean(5);
				switch (rs.getString(1)) {
					case "B" -> found.ofBuyer().add(hit, flagged);
					case "A" -> found.toAddress().add(hit, flagged);
					case "D" -> found.fromDevice().add(hit, flagged);
					default -> found.refunds().add(hit);
				}
			});
		return found;
	}

	/** What {@link #surroundings} found, rule by rule. */
	public record Surroundings(Rule ofBuyer, Rule toAddress, Rule fromDevice, List<Hit> refunds) {
	}

	/** The orders one rule looks at, and those of them that already carry its flag (they need no second). */
	public record Rule(List<Hit> hits, Set<UUID> flagged) {

		Rule() {
			this(new ArrayList<>(), new HashSet<>());
		}

		void add(Hit hit, boolean alreadyFlagged) {
			hits.add(hit);
			if (alreadyFlagged) {
				flagged.add(hit.orderId());
			}
		}

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
