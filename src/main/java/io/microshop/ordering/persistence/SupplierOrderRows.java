package io.microshop.ordering.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.microshop.ordering.SupplierOrders.Filter;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of a supplier's filtered order list. Group orders still waiting for their group are never shown. */
@Repository
public class SupplierOrderRows {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	SupplierOrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<UUID> ids(UUID supplierId, Filter filter, PageRequest page) {
		List<Object> params = new ArrayList<>();
		String where = where(supplierId, filter, params);
		params.add(page.size());
		params.add(page.offset());
		return jdbc.sql("SELECT o.id FROM orders o WHERE " + where + " ORDER BY o.placed_at DESC, o.id LIMIT ? OFFSET ?")
			.params(params)
			.query(UUID.class)
			.list();
	}

	public long count(UUID supplierId, Filter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(supplierId, filter, params);
		return jdbc.sql("SELECT count(*) FROM orders o WHERE " + where).params(params).query(Long.class).single();
	}

	private static String where(UUID supplierId, Filter f, List<Object> params) {
		StringBuilder sql = new StringBuilder("o.supplier_id = ? AND NOT o.awaiting_group");
		params.add(supplierId);
		if (f.status() != null) {
			sql.append(" AND o.status = ?");
			params.add(f.status().name());
		}
		if (f.from() != null) {
			sql.append(" AND o.placed_at >= ?");
			params.add(startOf(f.from()));
		}
		if (f.to() != null) {
			sql.append(" AND o.placed_at < ?");
			params.add(startOf(f.to().plusDays(1)));
		}
		if (f.skuId() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.sku_id = ?)");
			params.add(f.skuId());
		}
		else if (f.product() != null && !f.product().isBlank()) {
			sql.append(" AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND "
					+ "(l.title ILIKE ? OR l.sku_name ILIKE ?))");
			String like = "%" + escapeLike(f.product().strip()) + "%";
			params.add(like);
			params.add(like);
		}
		if (f.query() != null && !f.query().isBlank()) {
			String q = f.query().strip().toLowerCase(Locale.ROOT);
			String digits = q.replaceAll("\\D", "");
			sql.append(" AND (o.id::text LIKE ?");
			params.add(escapeLike(q) + "%");
			if (digits.length() >= 4) {
				sql.append(" OR regexp_replace(o.ship_phone, '\\D', '', 'g') LIKE ?");
				params.add("%" + digits + "%");
			}
			sql.append(')');
		}
		return sql.toString();
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(BEIJING).toInstant());
	}

	private static String escapeLike(String q) {
		return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
