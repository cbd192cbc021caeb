package io.microshop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import io.microshop.support.AppTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses unbalanced transactions and edits of the past. */
class LedgerDatabaseRulesTest extends AppTest {

	@Autowired
	TransactionTemplate tx;

	@Test
	void anUnbalancedTransactionCannotCommit() {
		UUID id = UUID.randomUUID();
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO ledger_transactions (id, kind, reference, currency, created_at) "
					+ "VALUES (?, 'TEST', ?, 'CNY', now())").params(id, id.toString()).update();
			jdbc.sql("INSERT INTO ledger_accounts (code) VALUES ('test:a') ON CONFLICT DO NOTHING").update();
			jdbc.sql("INSERT INTO ledger_postings (transaction_id, reference, account, amount) VALUES (?, ?, 'test:a', 100)")
				.params(id, id.toString())
				.update();
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
		assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void postingsAreAppendOnly() {
		UUID id = UUID.randomUUID();
		tx.executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO ledger_transactions (id, kind, reference, currency, created_at) "
					+ "VALUES (?, 'TEST', ?, 'CNY', now())").params(id, id.toString()).update();
			jdbc.sql("INSERT INTO ledger_accounts (code) VALUES ('test:a'), ('test:b') ON CONFLICT DO NOTHING").update();
			jdbc.sql("INSERT INTO ledger_postings (transaction_id, reference, account, amount) VALUES (?, ?, 'test:a', 100), "
					+ "(?, ?, 'test:b', -100)").params(id, id.toString(), id, id.toString()).update();
		});
		assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_postings SET amount = 1 WHERE transaction_id = ?").param(id).update())
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_postings WHERE transaction_id = ?").param(id).update())
			.rootCause()
			.hasMessageContaining("append-only");
	}

}
