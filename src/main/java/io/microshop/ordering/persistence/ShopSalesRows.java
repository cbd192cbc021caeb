package io.microshop.ordering.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.microshop.ordering.OrderStatus;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seller console's counting queries over a shop's orders in a time range. Queries by
 * {@code placed_at} use {@code orders_shop_idx (shop_id, placed_at)}, those by {@code paid_at}
 * the partial {@code orders_shop_paid_idx (shop_id, paid_at)}. A sale is an order paid in the
 * range and neither cancelled nor refunded; what it brought is its total less partial refunds.
 */
@Repository
public class ShopSalesRows {

	private static final String SOLD = "shop_id = ? AND paid_at >= ? AND paid_at < ? "
			+ "AND status NOT IN ('CANCELLED', 'REFUNDED')";

	private final JdbcClient jdbc;

	ShopSalesRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long placed(UUID shopId, Instant from, Instant to) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE shop_id = ? AND placed_at >= ? AND placed_at < ?")
			.params(shopId, ts(from), ts(to))
			.query(Long.class)
			.single();
	}

	/** Paid orders and their sales (fen), as {@code [orders, sales]}. */
	public long[] sold(UUID shopId, Instant from, Instant to) {
		return jdbc.sql("SELECT count(*), coalesce(sum(total - refunded_amount), 0) FROM orders WHERE " + SOLD)
			.params(shopId, ts(from), ts(to))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Paid orders and sales per local day of {@code zone}, only the days that had some. */
	public List<Day> daily(UUID shopId, Instant from, Instant to, String zone) {
		return jdbc.sql("SELECT (paid_at AT TIME ZONE ?)::date AS day, count(*), coalesce(sum(total - refunded_amount), 0) "
				+ "FROM orders WHERE " + SOLD + " GROUP BY 1 ORDER BY 1")
			.params(zone, shopId, ts(from), ts(to))
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** The listings that sold most in the range: by sales, then paid orders. */
	public List<ListingRow> topListings(UUID shopId, Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT o.listing_id, count(*) AS paid_orders, coalesce(sum(l.units), 0) AS units,
					coalesce(sum(o.total - o.refunded_amount), 0) AS sales, min(l.title) AS title
				FROM orders o CROSS JOIN LATERAL (SELECT sum(quantity) AS units, min(title) AS title
					FROM order_lines WHERE order_id = o.id) l
				WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ? AND o.status NOT IN ('CANCELLED', 'REFUNDED')
				GROUP BY o.listing_id ORDER BY sales DESC, paid_orders DESC, o.listing_id LIMIT ?""")
			.params(shopId, ts(from), ts(to), limit)
			.query((rs, n) -> new ListingRow(rs.getObject(1, UUID.class), rs.getString(5), rs.getLong(2),
					rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** One page of the shop's order ids, newest first, by status and the time they were placed. */
	public List<UUID> page(UUID shopId, OrderStatus status, Instant from, Instant to, PageRequest page) {
		return jdbc.sql("SELECT id FROM orders WHERE " + FILTER + " ORDER BY placed_at DESC, id LIMIT ? OFFSET ?")
			.params(filterParams(shopId, status, from, to, page.size(), page.offset()))
			.query(UUID.class)
			.list();
	}

	public long count(UUID shopId, OrderStatus status, Instant from, Instant to) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE " + FILTER)
			.params(filterParams(shopId, status, from, to))
			.query(Long.class)
			.single();
	}

	private static final String FILTER = "shop_id = ? AND (?::text IS NULL OR status = ?::text) "
			+ "AND (?::timestamptz IS NULL OR placed_at >= ?::timestamptz) "
			+ "AND (?::timestamptz IS NULL OR placed_at < ?::timestamptz)";

	private static Object[] filterParams(UUID shopId, OrderStatus status, Instant from, Instant to, Object... more) {
		String s = status == null ? null : status.name();
		Object[] head = { shopId, s, s, ts(from), ts(from), ts(to), ts(to) };
		Object[] all = new Object[head.length + more.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(more, 0, all, head.length, more.length);
		return all;
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	/** One local day's paid orders and sales (fen). */
	public record Day(LocalDate day, long paidOrders, long sales) {
	}

	/** A listing's paid orders, units and sales (fen) in a range, with the title its orders carry. */
	public record ListingRow(UUID listingId, String title, long paidOrders, long units, long sales) {
	}

}
