package io.microshop.payment.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.microshop.payment.PaymentView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of payments and provider events. */
@Repository
public class PaymentRows {

	private static final String COLUMNS = "id, order_id, payer_account_id, provider, amount, currency, status";

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID orderId, UUID shopId, UUID payer, String provider, long amount, String currency,
			Instant now) {
		jdbc.sql("""
				INSERT INTO payments (id, order_id, shop_id, payer_account_id, provider, amount, currency, status,
					created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
			.params(id, orderId, shopId, payer, provider, amount, currency, Timestamp.from(now))
			.update();
	}

	public Optional<PaymentRow> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ?").param(id).query(PaymentRow.class).optional();
	}

	public Optional<PaymentRow> findForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PaymentRow.class)
			.optional();
	}

	public boolean insertEvent(String id, String provider, UUID paymentId, String type, String payload, Instant now) {
		return jdbc.sql("""
				INSERT INTO payment_events (id, provider, payment_id, type, payload, received_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING""")
			.params(id, provider, paymentId, type, payload, Timestamp.from(now))
			.update() == 1;
	}

	/** Pending (or given up on) becomes succeeded, once. */
	public boolean markSucceeded(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE payments SET status = 'SUCCEEDED', succeeded_at = ?
				WHERE id = ? AND status IN ('PENDING', 'CANCELLED')""")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	public void markCancelled(UUID id) {
		jdbc.sql("UPDATE payments SET status = 'CANCELLED' WHERE id = ? AND status = 'PENDING'").param(id).update();
	}

	public boolean markRefunded(UUID id, Instant now) {
		return jdbc.sql("UPDATE payments SET status = 'REFUNDED', refunded_at = ? WHERE id = ? AND status = 'SUCCEEDED'")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	public record PaymentRow(UUID id, UUID orderId, UUID payerAccountId, String provider, long amount, String currency,
			String status) {

		public PaymentView view() {
			return new PaymentView(id, provider, status, amount, currency);
		}

	}

}
