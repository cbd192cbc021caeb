package io.microshop.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of operators' actions. {@link #record} joins the caller's
 * transaction, so a decision and its audit entry commit together or not at all.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code actor} did {@code action} (e.g. {@code verification.approve}) to a
	 * subject ({@code kind} such as {@code verification}, its id), with the reason given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID actor, String action, String subjectKind, String subjectId, String reason, String detail) {
		jdbc.sql("""
				INSERT INTO audit_log (at, actor_account_id, action, subject_kind, subject_id, reason, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), actor, action, subjectKind, subjectId, reason, detail)
			.update();
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public PageOf<Entry> page(PageRequest page) {
		List<Entry> items = jdbc.sql("""
				SELECT id, at, actor_account_id, action, subject_kind, subject_id, reason, detail
				FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?""")
			.params(page.size(), page.offset())
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_account_id", UUID.class), rs.getString("action"), rs.getString("subject_kind"),
					rs.getString("subject_id"), rs.getString("reason"), rs.getString("detail")))
			.list();
		long total = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
		return new PageOf<>(items, page.page(), page.size(), total);
	}

	/** The entries about one subject, oldest first. */
	@Transactional(readOnly = true)
	public List<Entry> about(String subjectKind, String subjectId) {
		return jdbc.sql("""
				SELECT id, at, actor_account_id, action, subject_kind, subject_id, reason, detail
				FROM audit_log WHERE subject_kind = ? AND subject_id = ? ORDER BY id""")
			.params(subjectKind, subjectId)
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_account_id", UUID.class), rs.getString("action"), rs.getString("subject_kind"),
					rs.getString("subject_id"), rs.getString("reason"), rs.getString("detail")))
			.list();
	}

	/** One operator action. */
	public record Entry(long id, Instant at, UUID actorAccountId, String action, String subjectKind, String subjectId,
			String reason, String detail) {
	}

}
