package io.microshop.payment.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.payment.PaymentView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of payments and provider events. */
@Repository
public class PaymentRows {

	private static final String COLUMNS = "id, order_id, payer_account_id, provider, amount, currency, status, refunded_amount";

	private static final String REFUND_COLUMNS = "id, payment_id, amount, currency, status, provider_reference";

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

	/**
	 * Adds {@code amount} (all that is left when null) to what the payment has given back,
	 * if it succeeded and has that much left; the payment becomes REFUNDED when nothing is
	 * left. Returns the amount given back this time, or 0 when none was.
	 */
	public long addRefunded(UUID id, Long amount, Instant now) {
		return jdbc.sql("""
				UPDATE payments p SET refunded_amount = p.refunded_amount + r.amount,
					status = CASE WHEN p.refunded_amount + r.amount = p.amount THEN 'REFUNDED' ELSE p.status END,
					refunded_at = ?
				FROM (SELECT id, coalesce(?::bigint, amount - refunded_amount) AS amount FROM payments WHERE id = ?) r
				WHERE p.id = r.id AND p.status = 'SUCCEEDED' AND r.amount > 0
					AND p.refunded_amount + r.amount <= p.amount
				RETURNING r.amount""")
			.params(Timestamp.from(now), amount, id)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	public void insertRefund(UUID refundId, UUID paymentId, long amount, Instant now) {
		jdbc.sql("""
				INSERT INTO payment_refunds (id, payment_id, shop_id, amount, currency, status, requested_at)
				SELECT ?, id, shop_id, ?, currency, 'REQUESTED', ? FROM payments WHERE id = ?""")
			.params(refundId, amount, Timestamp.from(now), paymentId)
			.update();
	}

	public Optional<RefundRow> findRefund(UUID refundId) {
		return jdbc.sql("SELECT " + REFUND_COLUMNS + " FROM payment_refunds WHERE id = ?")
			.param(refundId)
			.query(RefundRow.class)
			.optional();
	}

	public List<RefundRow> refundsOf(UUID paymentId) {
		return jdbc.sql("SELECT " + REFUND_COLUMNS + " FROM payment_refunds WHERE payment_id = ? ORDER BY requested_at, id")
			.param(paymentId)
			.query(RefundRow.class)
			.list();
	}

	/** Refunds booked before {@code before} that the provider has not acknowledged. */
	public List<UUID> unsentRefunds(Instant before, int limit) {
		return jdbc.sql("""
				SELECT id FROM payment_refunds WHERE status = 'REQUESTED' AND requested_at < ?
				ORDER BY requested_at LIMIT ?""")
			.params(Timestamp.from(before), limit)
			.query(UUID.class)
			.list();
	}

	/** Records the provider's answer, once. */
	public boolean markRefundSent(UUID refundId, String reference, Instant now) {
		return jdbc.sql("""
				UPDATE payment_refunds SET status = 'SENT', provider_reference = ?, sent_at = ?
				WHERE id = ? AND status = 'REQUESTED'""")
			.params(reference, Timestamp.from(now), refundId)
			.update() == 1;
	}

	public record PaymentRow(UUID id, UUID orderId, UUID payerAccountId, String provider, long amount, String currency,
			String status, long refundedAmount) {

		public PaymentView view() {
			return new PaymentView(id, provider, status, amount, currency, refundedAmount);
		}

	}

	/** {@code status} is REQUESTED (booked, not acknowledged by the provider yet) or SENT. */
	public record RefundRow(UUID id, UUID paymentId, long amount, String currency, String status,
			String providerReference) {
	}

}
