package io.microshop.fission.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.Promoter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of promoters. */
@Repository
public class PromoterRows {

	private static final String COLUMNS = "id, shop_id, account_id, code, recruiter_id, level, created_at";

	private final JdbcClient jdbc;

	PromoterRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when the account is a promoter of the shop already, or the code is taken. */
	public boolean insert(Promoter p) {
		return jdbc.sql("INSERT INTO promoters (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(p.id(), p.shopId(), p.accountId(), p.code(), p.recruiterId(), p.level(),
					Timestamp.from(p.createdAt()))
			.update() == 1;
	}

	public Optional<Promoter> find(UUID shopId, UUID accountId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM promoters WHERE shop_id = ? AND account_id = ?")
			.params(shopId, accountId)
			.query(PromoterRows::promoter)
			.optional();
	}

	public Optional<Promoter> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM promoters WHERE id = ?")
			.param(id)
			.query(PromoterRows::promoter)
			.optional();
	}

	/** The account's memberships, oldest first. */
	public java.util.List<Promoter> ofAccount(UUID accountId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM promoters WHERE account_id = ? ORDER BY created_at, id")
			.param(accountId)
			.query(PromoterRows::promoter)
			.list();
	}

	public Optional<Promoter> findByCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM promoters WHERE code = ?")
			.param(code)
			.query(PromoterRows::promoter)
			.optional();
	}

	static Promoter promoter(ResultSet rs, int row) throws SQLException {
		return new Promoter(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getString("code"), rs.getObject("recruiter_id", UUID.class),
				rs.getInt("level"), rs.getTimestamp("created_at").toInstant());
	}

}
