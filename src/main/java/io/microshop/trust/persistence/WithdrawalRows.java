package io.microshop.trust.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.trust.Withdrawal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for withdrawals. */
@Repository
public class WithdrawalRows {

	private static final String COLUMNS = "id, owner, owner_id, requested_by, amount, currency, status, "
			+ "payout_reference, failure, request_hash, created_at";

	private final JdbcClient jdbc;

	WithdrawalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a PROCESSING withdrawal. With a key, a concurrent request with the same key
	 * waits for this one's transaction and then finds it.
	 * @return false when the caller already used this key
	 */
	public boolean insert(Withdrawal w, String idempotencyKey) {
		return jdbc.sql("""
				INSERT INTO withdrawals (id, owner, owner_id, requested_by, amount, currency, status, idempotency_key,
				request_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PROCESSING', ?, ?, ?, ?)
				ON CONFLICT (requested_by, idempotency_key) DO NOTHING""")
			.params(w.id(), w.owner(), w.ownerId(), w.requestedBy(), w.amount(), w.currency(), idempotencyKey,
					w.requestHash(), Timestamp.from(w.createdAt()), Timestamp.from(w.createdAt()))
			.update() == 1;
	}

	public Optional<Withdrawal> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM withdrawals WHERE id = ?").param(id).query(this::map).optional();
	}

	public Optional<Withdrawal> findForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM withdrawals WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	public Optional<Withdrawal> findByKey(UUID requestedBy, String idempotencyKey) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM withdrawals WHERE requested_by = ? AND idempotency_key = ?")
			.params(requestedBy, idempotencyKey)
			.query(this::map)
			.optional();
	}

	public void finish(UUID id, Withdrawal.Status status, String reference, String failure, Instant at) {
		jdbc.sql("""
				UPDATE withdrawals SET status = ?, payout_reference = ?, failure = ?, updated_at = ?
				WHERE id = ? AND status = 'PROCESSING'""")
			.params(status.name(), reference, failure, Timestamp.from(at), id)
			.update();
	}

	/** Newest first. */
	public List<Withdrawal> ofOwner(String owner, UUID ownerId, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM withdrawals WHERE owner = ? AND owner_id = ? "
				+ "ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(owner, ownerId, limit, offset)
			.query(this::map)
			.list();
	}

	public long countOfOwner(String owner, UUID ownerId) {
		return jdbc.sql("SELECT count(*) FROM withdrawals WHERE owner = ? AND owner_id = ?")
			.params(owner, ownerId)
			.query(Long.class)
			.single();
	}

	/** Withdrawals handed to the provider but not finished (a crash between the two steps). */
	public List<UUID> stuckBefore(Instant before, int limit) {
		return jdbc.sql("SELECT id FROM withdrawals WHERE status = 'PROCESSING' AND created_at < ? ORDER BY created_at "
				+ "LIMIT ?")
			.params(Timestamp.from(before), limit)
			.query(UUID.class)
			.list();
	}

	private Withdrawal map(ResultSet rs, int row) throws SQLException {
		return new Withdrawal(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getObject("owner_id", UUID.class),
				rs.getObject("requested_by", UUID.class), rs.getLong("amount"), rs.getString("currency").strip(),
				Withdrawal.Status.valueOf(rs.getString("status")), rs.getString("payout_reference"),
				rs.getString("failure"), rs.getString("request_hash"), rs.getTimestamp("created_at").toInstant());
	}

}
