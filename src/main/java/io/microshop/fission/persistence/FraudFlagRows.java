package io.microshop.fission.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.FraudFlags.Flag;
import io.microshop.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of fraud flags: at most one per order and kind; a dismissal is a conditional update. */
@Repository
public class FraudFlagRows {

	private static final String COLUMNS = "id, shop_id, order_id, kind, detail, at, status, dismissed_at, dismiss_reason";

	private final JdbcClient jdbc;

	FraudFlagRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Flags every order of a cluster in one statement; those already flagged with this kind are
	 * left as they are. A cluster grows with each order, so this must not cost a round trip
	 * per member.
	 * @return the orders newly flagged
	 */
	public List<UUID> insertAll(UUID shopId, java.util.Collection<UUID> orderIds, String kind, String detail,
			Instant at) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				INSERT INTO fraud_flags (id, shop_id, order_id, kind, detail, at)
				SELECT gen_random_uuid(), ?, o, ?, ?, ? FROM unnest(?::uuid[]) AS t(o)
				WHERE NOT EXISTS (SELECT 1 FROM fraud_flags f WHERE f.order_id = t.o AND f.kind = ?)
				ON CONFLICT (order_id, kind) DO NOTHING
				RETURNING order_id""")
			.params(shopId, kind, detail, Timestamp.from(at), orderIds.toArray(UUID[]::new), kind)
			.query(UUID.class)
			.list();
	}

	/** Whether the order carries a flag an operator has not dismissed. */
	public boolean openOn(UUID orderId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM fraud_flags WHERE order_id = ? AND status = 'OPEN')")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}

	/** Newest first; every status when {@code status} is null. */
	public List<Flag> page(String status, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fraud_flags WHERE (?::text IS NULL OR status = ?::text) "
				+ "ORDER BY at DESC, id LIMIT ? OFFSET ?")
			.params(status, status, limit, offset)
			.query(FraudFlagRows::flag)
			.list();
	}

	public long count(String status) {
		return jdbc.sql("SELECT count(*) FROM fraud_flags WHERE (?::text IS NULL OR status = ?::text)")
			.params(status, status)
			.query(Long.class)
			.single();
	}

	public Optional<Flag> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fraud_flags WHERE id = ?").param(id).query(FraudFlagRows::flag).optional();
	}

	/** The order's flags, oldest first. */
	public List<Flag> ofOrder(UUID orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fraud_flags WHERE order_id = ? ORDER BY at, kind")
			.param(orderId)
			.query(FraudFlagRows::flag)
			.list();
	}

	/** Dismisses an open flag; false when it was not open (already dismissed, or unknown). */
	public boolean dismiss(UUID id, UUID operatorId, String reason, Instant at) {
		return jdbc.sql("""
				UPDATE fraud_flags SET status = 'DISMISSED', dismissed_by = ?, dismissed_at = ?, dismiss_reason = ?
				WHERE id = ? AND status = 'OPEN'""")
			.params(operatorId, Timestamp.from(at), reason, id)
			.update() == 1;
	}

	private static Flag flag(ResultSet rs, int n) throws SQLException {
		Timestamp dismissedAt = rs.getTimestamp("dismissed_at");
		return new Flag(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
				rs.getObject("order_id", UUID.class), rs.getString("kind"), rs.getString("detail"),
				rs.getTimestamp("at").toInstant(), rs.getString("status"),
				dismissedAt == null ? null : dismissedAt.toInstant(), rs.getString("dismiss_reason"));
	}

}
