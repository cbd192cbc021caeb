package io.microshop.trust.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of shops' reputation: the complaints operators upheld against them. */
@Repository
public class ReputationRows {

	private static final String UPHELD = "status = 'DECIDED' AND outcome IN ('PARTIAL_REFUND', 'FULL_REFUND')";

	private final JdbcClient jdbc;

	ReputationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Complaints against the shop decided with a refund at or after {@code since}. */
	public long upheldSince(UUID shopId, Instant since) {
		return jdbc.sql("SELECT count(*) FROM complaints WHERE shop_id = ? AND " + UPHELD + " AND decided_at >= ?")
			.params(shopId, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** The operator who upheld the shop's latest complaint: in a decision's transaction, its own. */
	public Optional<UUID> latestUpholder(UUID shopId) {
		return jdbc.sql("SELECT decided_by FROM complaints WHERE shop_id = ? AND " + UPHELD
				+ " AND decided_by IS NOT NULL ORDER BY decided_at DESC LIMIT 1")
			.param(shopId)
			.query(UUID.class)
			.optional();
	}

}
