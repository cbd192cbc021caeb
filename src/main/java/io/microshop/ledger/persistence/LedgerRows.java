package io.microshop.ledger.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microshop.ledger.Posting;
import io.microshop.ledger.TrialBalance.AccountBalance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the ledger. Postings are only ever inserted. */
@Repository
public class LedgerRows {

	private final JdbcClient jdbc;

	LedgerRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean insertTransaction(UUID id, String kind, String reference, String currency, List<Posting> postings,
			Instant at) {
		int inserted = jdbc.sql("""
				INSERT INTO ledger_transactions (id, kind, reference, currency, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (kind, reference) DO NOTHING""")
			.params(id, kind, reference, currency, Timestamp.from(at))
			.update();
		if (inserted == 0) {
			return false;
		}
		String[] accounts = postings.stream().map(Posting::account).toArray(String[]::new);
		Long[] amounts = postings.stream().map(Posting::amount).toArray(Long[]::new);
		jdbc.sql("INSERT INTO ledger_accounts (code) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")
			.param(accounts)
			.update();
		jdbc.sql("""
				INSERT INTO ledger_postings (transaction_id, reference, account, amount)
				SELECT ?, ?, a, m FROM unnest(?::text[], ?::bigint[]) AS t(a, m)""")
			.params(id, reference, accounts, amounts)
			.update();
		return true;
	}

	/** Serialises writers of one account until the transaction ends. */
	public void lockAccount(String account) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(account).query().singleValue();
	}

	public long balance(String account) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = ?")
			.param(account)
			.query(Long.class)
			.single();
	}

	public List<AccountBalance> allBalances() {
		return jdbc.sql("""
				SELECT a.code, COALESCE(SUM(p.amount), 0) FROM ledger_accounts a
				LEFT JOIN ledger_postings p ON p.account = a.code GROUP BY a.code ORDER BY a.code""")
			.query((rs, n) -> new AccountBalance(rs.getString(1), rs.getLong(2)))
			.list();
	}

	public List<UUID> unbalancedTransactions() {
		return jdbc.sql("SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount) <> 0")
			.query(UUID.class)
			.list();
	}

}
