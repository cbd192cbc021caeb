package io.microshop.fission.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microshop.fission.CommissionStatus;
import io.microshop.fission.Promoter;
import io.microshop.ledger.EscrowSplit.Commission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of commission decisions, commissions and fraud flags. Status updates are idempotent
 * (an event delivered twice changes nothing the second time).
 */
@Repository
public class CommissionRows {

	private final JdbcClient jdbc;

	CommissionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean decided(UUID orderId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM commission_decisions WHERE order_id = ?)")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}

	/** False when the order's commissions were decided already. */
	public boolean insertDecision(UUID orderId, UUID shopId, UUID buyerId, String shareCode, Instant at) {
		return jdbc.sql("""
				INSERT INTO commission_decisions (order_id, shop_id, buyer_account_id, share_code, decided_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
			.params(orderId, shopId, buyerId, shareCode, Timestamp.from(at))
			.update() == 1;
	}

	public void insertCommission(UUID orderId, UUID shopId, Promoter promoter, Commission commission, Instant at) {
		jdbc.sql("""
				INSERT INTO commissions (order_id, level, shop_id, promoter_id, promoter_account_id, amount, status,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(orderId, commission.level(), shopId, promoter.id(), commission.promoterAccountId(),
					commission.amount(), Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	/** The order's commissions as decided at payment, level 1 first; revoked ones are no longer the order's. */
	public List<Commission> commissionsOf(UUID orderId) {
		return jdbc.sql("""
				SELECT promoter_account_id, level, amount FROM commissions WHERE order_id = ? AND status <> 'REVOKED'
				ORDER BY level""")
			.param(orderId)
			.query((rs, n) -> new Commission(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3)))
			.list();
	}

	/** The order's PENDING commissions, as decided at payment, level 1 first. */
	public List<Commission> pendingOf(UUID orderId) {
		return jdbc.sql("""
				SELECT promoter_account_id, level, amount FROM commissions WHERE order_id = ? AND status = 'PENDING'
				ORDER BY level""")
			.param(orderId)
			.query((rs, n) -> new Commission(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3)))
			.list();
	}

	/** Moves the order's commissions from PENDING to the status; how many moved. */
	public int markPending(UUID orderId, CommissionStatus status, Instant at) {
		return jdbc.sql("UPDATE commissions SET status = ?, updated_at = ? WHERE order_id = ? AND status = 'PENDING'")
			.params(status.name(), Timestamp.from(at), orderId)
			.update();
	}

	/**
	 * The order's partial refunds so far ({@code refundedTotal} of {@code paid}) reduce its
	 * commissions in proportion, as the ledger booked them: each is worth floor(amount x
	 * (paid - refundedTotal) / paid). Sets, never adds, so a repeated event changes nothing.
	 */
	public int reduce(UUID orderId, long paid, long refundedTotal, Instant at) {
		return jdbc.sql("""
				UPDATE commissions SET refunded = amount - floor(amount::numeric * (?::bigint - ?::bigint) / ?::bigint)::bigint,
					updated_at = ? WHERE order_id = ? AND status <> 'CANCELLED'""")
			.params(paid, refundedTotal, paid, Timestamp.from(at), orderId)
			.update();
	}

	/** The account's commissions, newest first. */
	public List<Item> ofAccount(UUID accountId) {
		return jdbc.sql("""
				SELECT order_id, shop_id, level, amount - refunded, status, created_at FROM commissions
				WHERE promoter_account_id = ? ORDER BY created_at DESC, order_id, level""")
			.param(accountId)
			.query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getLong(4), CommissionStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()))
			.list();
	}

	public void insertFraudFlag(UUID shopId, UUID orderId, String kind, String detail, Instant at) {
		jdbc.sql("""
				INSERT INTO fraud_flags (id, shop_id, order_id, kind, detail, at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (order_id, kind) DO NOTHING""")
			.params(io.microshop.platform.Ids.newId(), shopId, orderId, kind, detail, Timestamp.from(at))
			.update();
	}

	/** One commission as its promoter sees it. */
	public record Item(UUID orderId, UUID shopId, int level, long amount, CommissionStatus status, Instant createdAt) {
	}

}
