package io.microshop.trust.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.trust.Verification;
import io.microshop.trust.Verification.Document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for verifications and their documents. */
@Repository
public class VerificationRows {

	private static final String COLUMNS = "id, subject, subject_id, submitted_by, legal_name, id_number, license_number, "
			+ "status, decision_reason, decided_by, decided_at, created_at";

	private final JdbcClient jdbc;

	VerificationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return false when the subject already has a request waiting for review */
	public boolean insert(Verification v) {
		return jdbc.sql("""
				INSERT INTO verifications (id, subject, subject_id, submitted_by, legal_name, id_number, license_number,
				status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
				ON CONFLICT (subject, subject_id) WHERE status = 'PENDING' DO NOTHING""")
			.params(v.id(), v.subject(), v.subjectId(), v.submittedBy(), v.legalName(), v.idNumber(), v.licenseNumber(),
					Timestamp.from(v.createdAt()))
			.update() == 1;
	}

	public Optional<Verification> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM verifications WHERE id = ?").param(id).query(this::map).optional();
	}

	public Optional<Verification> findForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM verifications WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	/** The subject's requests, newest first. */
	public List<Verification> ofSubject(String subject, UUID subjectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM verifications WHERE subject = ? AND subject_id = ? "
				+ "ORDER BY created_at DESC, id")
			.params(subject, subjectId)
			.query(this::map)
			.list();
	}

	/** Oldest first, so the queue is worked in order; {@code status} null for all. */
	public List<Verification> page(Verification.Status status, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM verifications WHERE (?::text IS NULL OR status = ?) "
				+ "ORDER BY created_at, id LIMIT ? OFFSET ?")
			.params(name(status), name(status), limit, offset)
			.query(this::map)
			.list();
	}

	public long count(Verification.Status status) {
		return jdbc.sql("SELECT count(*) FROM verifications WHERE (?::text IS NULL OR status = ?)")
			.params(name(status), name(status))
			.query(Long.class)
			.single();
	}

	public void decide(UUID id, Verification.Status status, String reason, UUID operator, Instant at) {
		jdbc.sql("""
				UPDATE verifications SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(status.name(), reason, operator, Timestamp.from(at), id)
			.update();
	}

	public void insertDocument(UUID verificationId, UUID subjectId, Document d) {
		jdbc.sql("""
				INSERT INTO verification_documents (id, verification_id, subject_id, file_key, content_type, size_bytes,
				created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), verificationId, subjectId, d.fileKey(), d.contentType(), d.sizeBytes(),
					Timestamp.from(d.createdAt()))
			.update();
	}

	public List<Document> documents(UUID verificationId) {
		return jdbc.sql("""
				SELECT id, file_key, content_type, size_bytes, created_at FROM verification_documents
				WHERE verification_id = ? ORDER BY created_at, id""")
			.param(verificationId)
			.query((rs, n) -> new Document(rs.getObject("id", UUID.class), rs.getString("file_key"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static String name(Verification.Status status) {
		return status == null ? null : status.name();
	}

	private Verification map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Verification(rs.getObject("id", UUID.class), rs.getString("subject"),
				rs.getObject("subject_id", UUID.class), rs.getObject("submitted_by", UUID.class),
				rs.getString("legal_name"), rs.getString("id_number"), rs.getString("license_number"),
				Verification.Status.valueOf(rs.getString("status")), rs.getString("decision_reason"),
				rs.getObject("decided_by", UUID.class), decided == null ? null : decided.toInstant(),
				rs.getTimestamp("created_at").toInstant(), List.of());
	}

}
