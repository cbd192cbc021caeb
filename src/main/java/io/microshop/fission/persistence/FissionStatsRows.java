package io.microshop.fission.persistence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.fission.Channel;
import io.microshop.fission.ShareStats;
import io.microshop.fission.ShopFission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counting queries. A paid order counts while it is not cancelled (or refunded in full);
 * its sales are what was paid less what a complaint gave back. Visits are joined to their link
 * for its channel.
 */
@Repository
public class FissionStatsRows {

	private static final String PAID = "paid_at IS NOT NULL AND cancelled_at IS NULL";

	private static final String SALES = "paid_total - refunded_total";

	private static final String ORDER_COUNTS = "count(*) AS orders, count(*) FILTER (WHERE " + PAID
			+ ") AS paid_orders, coalesce(sum(" + SALES + ") FILTER (WHERE " + PAID + "), 0) AS sales";

	private final JdbcClient jdbc;

	/**
	 * An order counts unless a fraud flag no operator dismissed is on it (flagged orders are
	 * left out of every figure and ranking here; {@code fraud_flags} is indexed by order).
	 */
	static String notFlagged(String alias) {
		return "NOT EXISTS (SELECT 1 FROM fraud_flags f WHERE f.order_id = " + alias + ".order_id AND f.status = 'OPEN')";
	}

	FissionStatsRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ShareStats ofLink(String code) {
		return jdbc.sql("SELECT v.visits, v.unique_visitors, o.orders, o.paid_orders, o.sales FROM "
				+ "(SELECT count(*) AS visits, count(DISTINCT visitor_id) AS unique_visitors FROM share_visits "
				+ "WHERE code = ?) v, (SELECT " + ORDER_COUNTS + " FROM share_orders so WHERE so.code = ? AND "
				+ notFlagged("so") + ") o")
			.params(code, code)
			.query((rs, n) -> new ShareStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/** Per channel: every channel present, zeros where nothing happened. */
	public Map<Channel, ShareStats> ofShopByChannel(UUID shopId) {
		Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
		for (Channel c : Channel.values()) {
			counts.put(c, new long[5]);
		}
		jdbc.sql("""
				SELECT l.channel, count(*), count(DISTINCT v.visitor_id)
				FROM share_visits v JOIN share_links l ON l.code = v.code
				WHERE v.shop_id = ? GROUP BY l.channel""")
			.param(shopId)
			.query((rs, n) -> {
				long[] c = counts.get(Channel.of(rs.getString(1)).orElseThrow());
				c[0] = rs.getLong(2);
				c[1] = rs.getLong(3);
				return null;
			})
			.list();
		// paid_at, paid_total, refunded_total and cancelled_at are share_orders' own columns: no need to qualify them
		jdbc.sql("SELECT l.channel, " + ORDER_COUNTS
				+ " FROM share_orders o JOIN share_links l ON l.code = o.code WHERE o.shop_id = ? AND " + notFlagged("o")
				+ " GROUP BY l.channel")
			.param(shopId)
			.query((rs, n) -> {
				long[] c = counts.get(Channel.of(rs.getString(1)).orElseThrow());
				c[2] = rs.getLong(2);
				c[3] = rs.getLong(3);
				c[4] = rs.getLong(4);
				return null;
			})
			.list();
		Map<Channel, ShareStats> stats = new EnumMap<>(Channel.class);
		counts.forEach((channel, c) -> stats.put(channel, new ShareStats(c[0], c[1], c[2], c[3], c[4])));
		return stats;
	}

	/**
	 * The shop's funnel from {@code from} (included) to {@code to} (excluded): visits and
	 * unique visitors of its links, orders placed and orders paid through them (paid, not
	 * cancelled) with their sales.
	 */
	public ShareStats ofShopBetween(UUID shopId, java.time.Instant from, java.time.Instant to) {
		java.sql.Timestamp f = java.sql.Timestamp.from(from);
		java.sql.Timestamp t = java.sql.Timestamp.from(to);
		return jdbc.sql("SELECT v.visits, v.unique_visitors, o.orders, p.paid_orders, p.sales FROM "
				+ "(SELECT count(*) AS visits, count(DISTINCT visitor_id) AS unique_visitors FROM share_visits "
				+ "WHERE shop_id = ? AND at >= ? AND at < ?) v, "
				+ "(SELECT count(*) AS orders FROM share_orders so WHERE shop_id = ? AND placed_at >= ? AND placed_at < ? AND "
				+ notFlagged("so") + ") o, "
				+ "(SELECT count(*) AS paid_orders, coalesce(sum(" + SALES + "), 0) AS sales FROM share_orders so "
				+ "WHERE shop_id = ? AND paid_at >= ? AND paid_at < ? AND cancelled_at IS NULL AND " + notFlagged("so")
				+ ") p")
			.params(shopId, f, t, shopId, f, t, shopId, f, t)
			.query((rs, n) -> new ShareStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/** Distinct visitors of all the shop's links: one person on two channels counts once. */
	public long uniqueVisitorsOfShop(UUID shopId) {
		return jdbc.sql("SELECT count(DISTINCT visitor_id) FROM share_visits WHERE shop_id = ?")
			.param(shopId)
			.query(Long.class)
			.single();
	}

	/** Buyers who paid for an order brought by someone else's link of the shop. */
	public long referredBuyers(UUID shopId) {
		return jdbc.sql("SELECT count(DISTINCT buyer_account_id) FROM share_orders o WHERE shop_id = ? AND " + PAID
				+ " AND buyer_account_id <> sharer_account_id AND " + notFlagged("o"))
			.param(shopId)
			.query(Long.class)
			.single();
	}

	/** Accounts that shared a link of the shop. */
	public long sharers(UUID shopId) {
		return jdbc.sql("SELECT count(DISTINCT sharer_account_id) FROM share_links WHERE shop_id = ?")
			.param(shopId)
			.query(Long.class)
			.single();
	}

	/** The shop's best links: by sales, then paid orders, then visits. */
	public List<ShopFission.LinkStats> topLinks(UUID shopId, int limit) {
		return jdbc.sql("""
				SELECT l.code, l.shop_id, l.listing_id, l.sharer_account_id, l.channel, l.created_at, l.group_id,
					coalesce(v.visits, 0) AS visits, coalesce(v.unique_visitors, 0) AS unique_visitors,
					coalesce(o.orders, 0) AS orders, coalesce(o.paid_orders, 0) AS paid_orders, coalesce(o.sales, 0) AS sales
				FROM share_links l
				LEFT JOIN (SELECT code, count(*) AS visits, count(DISTINCT visitor_id) AS unique_visitors
					FROM share_visits WHERE shop_id = :shop GROUP BY code) v ON v.code = l.code
				LEFT JOIN (SELECT code, """ + ORDER_COUNTS + " FROM share_orders so WHERE shop_id = :shop AND "
				+ notFlagged("so") + """
				 GROUP BY code) o ON o.code = l.code
				WHERE l.shop_id = :shop AND (v.visits IS NOT NULL OR o.orders IS NOT NULL)
				ORDER BY sales DESC, paid_orders DESC, visits DESC, l.code LIMIT :limit""")
			.param("shop", shopId)
			.param("limit", limit)
			.query((rs, n) -> new ShopFission.LinkStats(ShareRows.link(rs, n), new ShareStats(rs.getLong("visits"),
					rs.getLong("unique_visitors"), rs.getLong("orders"), rs.getLong("paid_orders"), rs.getLong("sales"))))
			.list();
	}

	/**
	 * The shop's best promoters: by the sales (paid, not cancelled) of orders through links
	 * they shared, then paid orders, then who joined first. Commissions are what they earned
	 * here, not cancelled.
	 */
	public List<io.microshop.fission.PromoterStats> topPromoters(UUID shopId, int limit) {
		return jdbc.sql("""
				SELECT p.id, p.shop_id, p.account_id, p.code, p.recruiter_id, p.level, p.created_at,
					coalesce(o.paid_orders, 0) AS paid_orders, coalesce(o.sales, 0) AS sales,
					coalesce(c.earned, 0) AS earned
				FROM promoters p
				LEFT JOIN (SELECT sharer_account_id, """ + ORDER_COUNTS + " FROM share_orders so WHERE shop_id = :shop AND "
				+ notFlagged("so") + """
				 GROUP BY sharer_account_id) o
					ON o.sharer_account_id = p.account_id
				LEFT JOIN (SELECT promoter_id, sum(amount) AS earned FROM commissions
					WHERE shop_id = :shop AND status NOT IN ('CANCELLED', 'REVOKED') GROUP BY promoter_id) c ON c.promoter_id = p.id
				WHERE p.shop_id = :shop
				ORDER BY sales DESC, paid_orders DESC, p.created_at, p.id LIMIT :limit""")
			.param("shop", shopId)
			.param("limit", limit)
			.query((rs, n) -> new io.microshop.fission.PromoterStats(PromoterRows.promoter(rs, n), rs.getLong("paid_orders"),
					rs.getLong("sales"), rs.getLong("earned")))
			.list();
	}

	/** The shop's promoters, oldest first (a recruiter always before its recruits), at most {@code limit}. */
	public List<io.microshop.fission.Promoter> promotersOf(UUID shopId, int limit) {
		return jdbc.sql("""
				SELECT id, shop_id, account_id, code, recruiter_id, level, created_at FROM promoters
				WHERE shop_id = ? ORDER BY created_at, id LIMIT ?""")
			.params(shopId, limit)
			.query(PromoterRows::promoter)
			.list();
	}

	/** Visits, attributed orders and paid orders per UTC day, the last {@code days} days up to {@code now}. */
	public List<DayFunnel> dailyFunnel(UUID shopId, java.time.Instant now, int days) {
		return jdbc.sql("""
				SELECT d.day::date AS day,
					(SELECT count(*) FROM share_visits v WHERE v.shop_id = ? AND v.at >= d.day
						AND v.at < d.day + interval '1 day') AS visits,
					(SELECT count(*) FROM share_orders o WHERE o.shop_id = ? AND o.placed_at >= d.day
						AND o.placed_at < d.day + interval '1 day'""" + " AND " + notFlagged("o") + """
					) AS orders,
					(SELECT count(*) FROM share_orders o WHERE o.shop_id = ? AND o.paid_at >= d.day
						AND o.paid_at < d.day + interval '1 day' AND o.cancelled_at IS NULL""" + " AND " + notFlagged("o") + """
					) AS paid
				FROM generate_series(date_trunc('day', ?::timestamptz AT TIME ZONE 'UTC') - (? - 1) * interval '1 day',
					date_trunc('day', ?::timestamptz AT TIME ZONE 'UTC'), interval '1 day') AS d(day)
				ORDER BY d.day""")
			.params(shopId, shopId, shopId, java.sql.Timestamp.from(now), days, java.sql.Timestamp.from(now))
			.query((rs, n) -> new DayFunnel(rs.getObject("day", java.time.LocalDate.class), rs.getLong("visits"),
					rs.getLong("orders"), rs.getLong("paid")))
			.list();
	}

	/** One day of the funnel: visits -> orders -> paid orders. */
	public record DayFunnel(java.time.LocalDate day, long visits, long orders, long paid) {
	}

}
