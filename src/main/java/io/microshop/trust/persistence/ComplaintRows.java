package io.microshop.trust.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.trust.Complaint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of complaints, their messages and photos. A decision is written once, on an OPEN row. */
@Repository
public class ComplaintRows {

	private static final String COLUMNS = """
			id, order_id, shop_id, buyer_account_id, reason, text, status, outcome, refund_amount, decision_reason,
			decided_by, decided_at, created_at, answer_due_at""";

	private final JdbcClient jdbc;

	ComplaintRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Complaint c) {
		jdbc.sql("""
				INSERT INTO complaints (id, order_id, shop_id, buyer_account_id, reason, text, status, created_at,
					answer_due_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(c.id(), c.orderId(), c.shopId(), c.buyerAccountId(), c.reason(), c.text(), ts(c.createdAt()),
					ts(c.answerDueAt()))
			.update();
	}

	public Optional<Complaint> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE id = ?")
			.param(id)
			.query(ComplaintRows::complaint)
			.optional();
	}

	public Optional<Complaint> findForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE id = ? FOR UPDATE")
			.param(id)
			.query(ComplaintRows::complaint)
			.optional();
	}

	public Optional<UUID> openOf(UUID orderId) {
		return jdbc.sql("SELECT id FROM complaints WHERE order_id = ? AND status = 'OPEN'")
			.param(orderId)
			.query(UUID.class)
			.optional();
	}

	/** The order's complaints, newest first. */
	public List<Complaint> ofOrder(UUID orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE order_id = ? ORDER BY created_at DESC, id")
			.param(orderId)
			.query(ComplaintRows::complaint)
			.list();
	}

	/** Complaints a buyer made or about one of the shops, newest first. */
	public List<Complaint> involving(UUID buyerId, List<UUID> shopIds, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE buyer_account_id = ? OR shop_id = ANY(?::uuid[]) "
				+ "ORDER BY created_at DESC, id LIMIT ?")
			.params(buyerId, shopIds.stream().map(UUID::toString).toArray(String[]::new), limit)
			.query(ComplaintRows::complaint)
			.list();
	}

	/** The operators' queue, oldest first; every status when null. */
	public List<Complaint> page(Complaint.Status status, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE (?::text IS NULL OR status = ?::text) "
				+ "ORDER BY created_at, id LIMIT ? OFFSET ?")
			.params(name(status), name(status), limit, offset)
			.query(ComplaintRows::complaint)
			.list();
	}

	public long count(Complaint.Status status) {
		return jdbc.sql("SELECT count(*) FROM complaints WHERE (?::text IS NULL OR status = ?::text)")
			.params(name(status), name(status))
			.query(Long.class)
			.single();
	}

	/** Writes the decision; false when the complaint was not OPEN any more. */
	public boolean decide(UUID id, Complaint.Outcome outcome, Long refundAmount, String reason, UUID operator,
			Instant at, String idempotencyKey, String requestHash) {
		return jdbc.sql("""
				UPDATE complaints SET status = 'DECIDED', outcome = ?, refund_amount = ?, decision_reason = ?,
					decided_by = ?, decided_at = ?, decision_key = ?, decision_hash = ?
				WHERE id = ? AND status = 'OPEN'""")
			.params(outcome.name(), refundAmount, reason, operator, ts(at), idempotencyKey,
					idempotencyKey == null ? null : requestHash, id)
			.update() == 1;
	}

	/** The hash of the decision made with this Idempotency-Key, if the complaint was decided with it. */
	public java.util.Optional<String> decisionHash(UUID id, String idempotencyKey) {
		return jdbc.sql("SELECT decision_hash FROM complaints WHERE id = ? AND decision_key = ?")
			.params(id, idempotencyKey)
			.query(String.class)
			.optional();
	}

	public void insertMessage(UUID complaintId, UUID shopId, Complaint.Message m) {
		jdbc.sql("""
				INSERT INTO complaint_messages (id, complaint_id, shop_id, author_account_id, role, text, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id(), complaintId, shopId, m.authorAccountId(), m.role().name(), m.text(), ts(m.at()))
			.update();
	}

	public List<Complaint.Message> messages(UUID complaintId) {
		return jdbc.sql("""
				SELECT id, author_account_id, role, text, at FROM complaint_messages WHERE complaint_id = ?
				ORDER BY at, id""")
			.param(complaintId)
			.query((rs, n) -> new Complaint.Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Complaint.Role.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public void insertPhoto(UUID complaintId, UUID shopId, Complaint.Photo p) {
		jdbc.sql("""
				INSERT INTO complaint_photos (id, complaint_id, shop_id, file_key, content_type, size, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), complaintId, shopId, p.fileKey(), p.contentType(), p.size(), ts(p.at()))
			.update();
	}

	public List<Complaint.Photo> photos(UUID complaintId) {
		return jdbc.sql("""
				SELECT id, file_key, content_type, size, at FROM complaint_photos WHERE complaint_id = ?
				ORDER BY at, id""")
			.param(complaintId)
			.query((rs, n) -> new Complaint.Photo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	private static Complaint complaint(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		long refund = rs.getLong("refund_amount");
		Long refundAmount = rs.wasNull() ? null : refund;
		return new Complaint(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("shop_id", UUID.class), rs.getObject("buyer_account_id", UUID.class),
				rs.getString("reason"), rs.getString("text"), Complaint.Status.valueOf(rs.getString("status")),
				outcome == null ? null : Complaint.Outcome.valueOf(outcome), refundAmount,
				rs.getString("decision_reason"), rs.getObject("decided_by", UUID.class), instant(rs, "decided_at"),
				instant(rs, "created_at"), instant(rs, "answer_due_at"), List.of(), List.of());
	}

	private static String name(Complaint.Status status) {
		return status == null ? null : status.name();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

}
