package io.microshop.ordering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.ordering.ShipmentBatch;
import io.microshop.ordering.ShipmentBatch.RowError;
import io.microshop.ordering.shipping.ShippingCsv;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of bulk-shipping batches and their rows. */
@Repository
public class ShipmentBatchRows {

	private static final String COLUMNS = "id, supplier_id, file_name, status, total, shipped, already, failed, "
			+ "created_at, finished_at";

	private final JdbcClient jdbc;

	ShipmentBatchRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The batch and all its rows, refused rows already FAILED, the others PENDING. */
	public void insert(UUID id, UUID supplierId, UUID accountId, String fileName, List<ShippingCsv.Row> rows,
			Instant now) {
		int failed = (int) rows.stream().filter(r -> !r.valid()).count();
		jdbc.sql("""
				INSERT INTO shipment_batches (id, supplier_id, account_id, file_name, status, total, failed, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, supplierId, accountId, fileName, failed == rows.size() ? "DONE" : "RUNNING", rows.size(),
					failed, Timestamp.from(now))
			.update();
		if (failed == rows.size()) {
			jdbc.sql("UPDATE shipment_batches SET finished_at = created_at WHERE id = ?").param(id).update();
		}
		jdbc.sql("""
				INSERT INTO shipment_batch_rows (batch_id, supplier_id, line, order_id, carrier, tracking_number, outcome,
				error)
				SELECT ?, ?, l, o, c, t, CASE WHEN e IS NULL THEN 'PENDING' ELSE 'FAILED' END, e
				FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) AS r(l, o, c, t, e)""")
			.params(id, supplierId, rows.stream().map(ShippingCsv.Row::line).toArray(Integer[]::new),
					rows.stream().map(ShippingCsv.Row::orderText).toArray(String[]::new),
					rows.stream().map(ShippingCsv.Row::carrier).toArray(String[]::new),
					rows.stream().map(ShippingCsv.Row::trackingNumber).toArray(String[]::new),
					rows.stream().map(r -> r.valid() ? null : r.error() + "|" + r.message()).toArray(String[]::new))
			.update();
	}

	public Optional<ShipmentBatch> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM shipment_batches WHERE id = ?")
			.param(id)
			.query(ShipmentBatchRows::batch)
			.optional();
	}

	public List<ShipmentBatch> recent(UUID supplierId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM shipment_batches WHERE supplier_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(supplierId, limit)
			.query(ShipmentBatchRows::batch)
			.list();
	}

	public UUID accountOf(UUID batchId) {
		return jdbc.sql("SELECT account_id FROM shipment_batches WHERE id = ?").param(batchId).query(UUID.class).single();
	}

	public List<RowError> errors(UUID batchId, int limit) {
		return jdbc.sql("""
				SELECT line, order_id, error FROM shipment_batch_rows WHERE batch_id = ? AND outcome = 'FAILED'
				ORDER BY line LIMIT ?""")
			.params(batchId, limit)
			.query((rs, n) -> {
				String[] error = rs.getString("error").split("\\|", 2);
				return new RowError(rs.getInt("line"), rs.getString("order_id"), error[0],
						error.length > 1 ? error[1] : error[0]);
			})
			.list();
	}

	public List<Pending> pending(UUID batchId, int limit) {
		return jdbc.sql("""
				SELECT line, order_id, carrier, tracking_number FROM shipment_batch_rows
				WHERE batch_id = ? AND outcome = 'PENDING' ORDER BY line LIMIT ?""")
			.params(batchId, limit)
			.query((rs, n) -> new Pending(rs.getInt("line"), UUID.fromString(rs.getString("order_id")),
					rs.getString("carrier"), rs.getString("tracking_number")))
			.list();
	}

	/** Records a row's outcome and counts it, once: false when the row was no longer pending. */
	public boolean record(UUID batchId, int line, String outcome, String error) {
		int changed = jdbc.sql("""
				UPDATE shipment_batch_rows SET outcome = ?, error = ?
				WHERE batch_id = ? AND line = ? AND outcome = 'PENDING'""")
			.params(outcome, error, batchId, line)
			.update();
		if (changed == 0) {
			return false;
		}
		String counter = switch (outcome) {
			case "SHIPPED" -> "shipped";
			case "ALREADY" -> "already";
			case "FAILED" -> "failed";
			default -> throw new IllegalArgumentException(outcome);
		};
		jdbc.sql("UPDATE shipment_batches SET " + counter + " = " + counter + " + 1 WHERE id = ?").param(batchId).update();
		return true;
	}

	public void finish(UUID batchId, Instant now) {
		jdbc.sql("UPDATE shipment_batches SET status = 'DONE', finished_at = ? WHERE id = ? AND status = 'RUNNING'")
			.params(Timestamp.from(now), batchId)
			.update();
	}

	public List<UUID> running() {
		return jdbc.sql("SELECT id FROM shipment_batches WHERE status = 'RUNNING' ORDER BY created_at")
			.query(UUID.class)
			.list();
	}

	private static ShipmentBatch batch(ResultSet rs, int n) throws SQLException {
		int shipped = rs.getInt("shipped");
		int already = rs.getInt("already");
		int failed = rs.getInt("failed");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ShipmentBatch(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getString("file_name"), ShipmentBatch.Status.valueOf(rs.getString("status")), rs.getInt("total"),
				shipped + already + failed, shipped, already, failed, rs.getTimestamp("created_at").toInstant(),
				finished == null ? null : finished.toInstant(), null);
	}

	/** A row still to apply. */
	public record Pending(int line, UUID orderId, String carrier, String trackingNumber) {
	}

}
