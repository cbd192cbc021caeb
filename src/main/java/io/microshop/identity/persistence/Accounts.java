package io.microshop.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, their tokens and their pending one-time codes. */
@Repository
public class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean insert(UUID id, String phone, String name, String passwordHash, Instant now) {
		return jdbc.sql("""
				INSERT INTO accounts (id, phone, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (phone) DO NOTHING""")
			.params(id, phone, name, passwordHash, java.sql.Timestamp.from(now))
			.update() == 1;
	}

	public Optional<AccountRow> findByPhone(String phone) {
		return jdbc.sql("SELECT id, phone, name, operator, password_hash FROM accounts WHERE phone = ?")
			.param(phone)
			.query(AccountRow.class)
			.optional();
	}

	public Optional<AccountRow> findById(UUID id) {
		return jdbc.sql("SELECT id, phone, name, operator, password_hash FROM accounts WHERE id = ?")
			.param(id)
			.query(AccountRow.class)
			.optional();
	}

	public void insertToken(UUID id, UUID accountId, String hash, Instant now) {
		jdbc.sql("INSERT INTO api_tokens (id, account_id, token_hash, created_at) VALUES (?, ?, ?, ?)")
			.params(id, accountId, hash, java.sql.Timestamp.from(now))
			.update();
	}

	public Optional<AccountRow> findByTokenHash(String hash) {
		return jdbc.sql("""
				SELECT a.id, a.phone, a.name, a.operator, NULL AS password_hash
				FROM api_tokens t JOIN accounts a ON a.id = t.account_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL""")
			.param(hash)
			.query(AccountRow.class)
			.optional();
	}

	public boolean revokeToken(String hash, Instant now) {
		return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
			.params(java.sql.Timestamp.from(now), hash)
			.update() == 1;
	}

	public void storeCode(String phone, String hash, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO one_time_codes (phone, code_hash, expires_at, attempts) VALUES (?, ?, ?, 0)
				ON CONFLICT (phone) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
					attempts = 0""")
			.params(phone, hash, java.sql.Timestamp.from(expiresAt))
			.update();
	}

	public Optional<CodeRow> findCodeForUpdate(String phone) {
		return jdbc.sql("SELECT code_hash, expires_at, attempts FROM one_time_codes WHERE phone = ? FOR UPDATE")
			.param(phone)
			.query((rs, n) -> new CodeRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
			.optional();
	}

	public void countFailedAttempt(String phone) {
		jdbc.sql("UPDATE one_time_codes SET attempts = attempts + 1 WHERE phone = ?").param(phone).update();
	}

	public void deleteCode(String phone) {
		jdbc.sql("DELETE FROM one_time_codes WHERE phone = ?").param(phone).update();
	}

	public boolean anyOperator() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts WHERE operator)").query(Boolean.class).single();
	}

	public void makeOperator(UUID id, String passwordHash) {
		jdbc.sql("UPDATE accounts SET operator = TRUE, password_hash = COALESCE(?, password_hash) WHERE id = ?")
			.params(passwordHash, id)
			.update();
	}

	public record AccountRow(UUID id, String phone, String name, boolean operator, String passwordHash) {

		public AccountPrincipal principal() {
			return new AccountPrincipal(id, phone, name, operator);
		}

	}

	public record CodeRow(String codeHash, Instant expiresAt, int attempts) {
	}

}
