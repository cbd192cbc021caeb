package io.microshop.ordering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.domain.Order;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of orders, their lines and idempotency keys. */
@Repository
public class OrderRows {

	private static final String COLUMNS = """
			id, shop_id, supplier_id, listing_id, buyer_account_id, status, goods_total, supply_total, shipping_fee,
			discount, total, currency, platform_fee_bps, payment_id, ship_name, ship_phone, ship_address, share_code,
			carrier, tracking_number, placed_at, payment_due_at, paid_at, shipped_at, received_at, settled_at,
			cancelled_at, refunded_at, group_id, awaiting_group""";

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims a key for a new order; false when the caller already used it (then read it). */
	public boolean claimKey(UUID caller, String key, String requestHash, UUID orderId, Instant now) {
		return jdbc.sql("""
				INSERT INTO idempotency_keys (caller_id, idempotency_key, request_hash, order_id, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(caller, key, requestHash, orderId, ts(now))
			.update() == 1;
	}

	public Optional<KeyUse> findKey(UUID caller, String key) {
		return jdbc.sql("SELECT request_hash, order_id FROM idempotency_keys WHERE caller_id = ? AND idempotency_key = ?")
			.params(caller, key)
			.query(KeyUse.class)
			.optional();
	}

	public void insert(Order o, List<Order.Line> lines) {
		jdbc.sql("""
				INSERT INTO orders (id, shop_id, supplier_id, listing_id, buyer_account_id, status, goods_total,
					supply_total, shipping_fee, discount, total, currency, platform_fee_bps, payment_id, ship_name,
					ship_phone, ship_address, share_code, placed_at, payment_due_at, group_id, awaiting_group)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), o.shopId(), o.supplierId(), o.listingId(), o.buyerAccountId(), o.status().name(),
					o.goodsTotal(), o.supplyTotal(), o.shippingFee(), o.discount(), o.total(), o.currency(),
					o.platformFeeBps(), o.paymentId(), o.shipName(), o.shipPhone(), o.shipAddress(), o.shareCode(),
					ts(o.placedAt()), ts(o.paymentDueAt()), o.groupId(), o.awaitingGroup())
			.update();
		jdbc.sql("""
				INSERT INTO order_lines (order_id, line_no, shop_id, sku_id, title, sku_name, quantity, unit_price,
					unit_supply_price)
				SELECT ?, n, ?, s, t, sn, q, p, sp
				FROM unnest(?::int[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::bigint[])
					AS l(n, s, t, sn, q, p, sp)""")
			.params(o.id(), o.shopId(), lines.stream().map(Order.Line::lineNo).toArray(Integer[]::new),
					lines.stream().map(l -> l.skuId().toString()).toArray(String[]::new),
					lines.stream().map(Order.Line::title).toArray(String[]::new),
					lines.stream().map(Order.Line::skuName).toArray(String[]::new),
					lines.stream().map(Order.Line::quantity).toArray(Integer[]::new),
					lines.stream().map(Order.Line::unitPrice).toArray(Long[]::new),
					lines.stream().map(Order.Line::unitSupplyPrice).toArray(Long[]::new))
			.update();
	}

	public Optional<Order> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?").param(id).query(OrderRows::order).optional();
	}

	public Optional<Order> findForUpdate(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
			.param(id)
			.query(OrderRows::order)
			.optional();
	}

	public List<Order.Line> lines(UUID orderId) {
		return jdbc.sql("""
				SELECT line_no, sku_id, title, sku_name, quantity, unit_price, unit_supply_price
				FROM order_lines WHERE order_id = ? ORDER BY line_no""")
			.param(orderId)
			.query(Order.Line.class)
			.list();
	}

	public void markPaid(UUID id, Instant at) {
		jdbc.sql("UPDATE orders SET status = 'PAID', paid_at = ? WHERE id = ?").params(ts(at), id).update();
	}

	public void markShipped(UUID id, String carrier, String trackingNumber, Instant at) {
		jdbc.sql("UPDATE orders SET status = 'SHIPPED', carrier = ?, tracking_number = ?, shipped_at = ? WHERE id = ?")
			.params(carrier, trackingNumber, ts(at), id)
			.update();
	}

	public void markReceived(UUID id, Instant at) {
		jdbc.sql("UPDATE orders SET status = 'RECEIVED', received_at = ? WHERE id = ?").params(ts(at), id).update();
	}

	public void markSettled(UUID id, Instant at) {
		jdbc.sql("UPDATE orders SET status = 'SETTLED', settled_at = ? WHERE id = ?").params(ts(at), id).update();
	}

	public void markCancelled(UUID id, Instant at) {
		jdbc.sql("UPDATE orders SET status = 'CANCELLED', cancelled_at = ? WHERE id = ?").params(ts(at), id).update();
	}

	/** Freezes (a complaint is open) or unfreezes the order's settlement. */
	public void holdSettlement(UUID id, boolean held) {
		jdbc.sql("UPDATE orders SET settlement_held = ? WHERE id = ?").params(held, id).update();
	}

	public boolean settlementHeld(UUID id) {
		return jdbc.sql("SELECT settlement_held FROM orders WHERE id = ?").param(id).query(Boolean.class).single();
	}

	/** What partial refunds gave back so far. */
	public long refundedAmount(UUID id) {
		return jdbc.sql("SELECT refunded_amount FROM orders WHERE id = ?").param(id).query(Long.class).single();
	}

	public void addRefunded(UUID id, long amount) {
		jdbc.sql("UPDATE orders SET refunded_amount = refunded_amount + ? WHERE id = ?").params(amount, id).update();
	}

	/** Refunded in full: nothing is held any more, everything went back. */
	public void markRefunded(UUID id, Instant at) {
		jdbc.sql("""
				UPDATE orders SET status = 'REFUNDED', refunded_at = ?, refunded_amount = total,
					settlement_held = FALSE WHERE id = ?""")
			.params(ts(at), id)
			.update();
	}

	/** The group filled: its paid orders go to the supplier. */
	public int releaseGroup(UUID groupId) {
		return jdbc.sql("UPDATE orders SET awaiting_group = FALSE WHERE group_id = ? AND awaiting_group "
				+ "AND status = 'PAID'")
			.param(groupId)
			.update();
	}

	/** The orders of a group that are still open (unpaid or paid, not yet shipped). */
	public List<UUID> openOrdersOfGroup(UUID groupId) {
		return jdbc.sql("SELECT id FROM orders WHERE group_id = ? AND status IN ('PENDING_PAYMENT', 'PAID') "
				+ "ORDER BY placed_at")
			.param(groupId)
			.query(UUID.class)
			.list();
	}

	public List<UUID> overdueUnpaid(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND payment_due_at <= ? "
				+ "ORDER BY payment_due_at LIMIT ?")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	public List<UUID> shippedBefore(Instant cutoff, int limit) {
		return jdbc.sql("SELECT id FROM orders WHERE status = 'SHIPPED' AND shipped_at <= ? ORDER BY shipped_at LIMIT ?")
			.params(ts(cutoff), limit)
			.query(UUID.class)
			.list();
	}

	public List<UUID> receivedBefore(Instant cutoff, int limit) {
		return jdbc.sql("SELECT id FROM orders WHERE status = 'RECEIVED' AND NOT settlement_held AND received_at <= ? "
				+ "ORDER BY received_at LIMIT ?")
			.params(ts(cutoff), limit)
			.query(UUID.class)
			.list();
	}

	/** One page of orders where a column (shop, supplier or buyer) has a value, newest first. */
	public List<Order> page(String column, UUID owner, OrderStatus status, PageRequest page) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE " + column(column) + " = ?" + hidden(column)
				+ " AND (?::text IS NULL OR status = ?::text) ORDER BY placed_at DESC, id LIMIT ? OFFSET ?")
			.params(owner, status == null ? null : status.name(), status == null ? null : status.name(), page.size(),
					page.offset())
			.query(OrderRows::order)
			.list();
	}

	public long count(String column, UUID owner, OrderStatus status) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE " + column(column) + " = ?" + hidden(column)
				+ " AND (?::text IS NULL OR status = ?::text)")
			.params(owner, status == null ? null : status.name(), status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	/** Orders of a shop paid at or after {@code since}, whatever became of them later. */
	public long countPaidSince(UUID shopId, Instant since) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE shop_id = ? AND paid_at >= ?")
			.params(shopId, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Suppliers do not see group orders until their group succeeded. */
	private static String hidden(String column) {
		return "supplier_id".equals(column) ? " AND NOT awaiting_group" : "";
	}

	private static String column(String column) {
		return switch (column) {
			case "shop_id", "supplier_id", "buyer_account_id" -> column;
			default -> throw new IllegalArgumentException(column);
		};
	}

	private static Order order(ResultSet rs, int n) throws SQLException {
		return new Order(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
				rs.getObject("supplier_id", UUID.class), rs.getObject("listing_id", UUID.class),
				rs.getObject("buyer_account_id", UUID.class), OrderStatus.valueOf(rs.getString("status")),
				rs.getLong("goods_total"), rs.getLong("supply_total"), rs.getLong("shipping_fee"),
				rs.getLong("discount"), rs.getLong("total"), rs.getString("currency"), rs.getInt("platform_fee_bps"),
				rs.getObject("payment_id", UUID.class), rs.getString("ship_name"), rs.getString("ship_phone"),
				rs.getString("ship_address"), rs.getString("share_code"), rs.getString("carrier"),
				rs.getString("tracking_number"), instant(rs, "placed_at"), instant(rs, "payment_due_at"),
				instant(rs, "paid_at"), instant(rs, "shipped_at"), instant(rs, "received_at"),
				instant(rs, "settled_at"), instant(rs, "cancelled_at"), instant(rs, "refunded_at"),
				rs.getObject("group_id", UUID.class), rs.getBoolean("awaiting_group"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	public record KeyUse(String requestHash, UUID orderId) {
	}

}
