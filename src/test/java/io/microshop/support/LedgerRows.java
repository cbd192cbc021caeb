package io.microshop.support;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the ledger booked, read straight from its tables: for tests that check the money to the fen. */
public final class LedgerRows {

	private LedgerRows() {
	}

	/** Net amount per account of one booking of an order (the order's id is the reference). */
	public static Map<String, Long> postings(JdbcClient jdbc, String kind, UUID orderId) {
		return postings(jdbc, kind, orderId.toString());
	}

	/** Net amount per account of the bookings of this kind and reference; empty when there are none. */
	public static Map<String, Long> postings(JdbcClient jdbc, String kind, String reference) {
		return jdbc.sql("""
				SELECT p.account, sum(p.amount) FROM ledger_postings p
				JOIN ledger_transactions t ON t.id = p.transaction_id
				WHERE t.kind = ? AND t.reference = ? GROUP BY p.account""")
			.params(kind, reference)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
