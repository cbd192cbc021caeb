package io.microshop.fission.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.Group;
import io.microshop.fission.GroupDeal;
import io.microshop.fission.GroupStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of group deals, groups and their members. */
@Repository
public class GroupRows {

	private static final String DEAL_COLUMNS = "id, shop_id, listing_id, sku_id, group_price, group_size, "
			+ "window_seconds, created_at";

	private static final String GROUP_COLUMNS = "id, shop_id, deal_id, leader_account_id, status, group_size, "
			+ "paid_members, expires_at, created_at";

	private final JdbcClient jdbc;

	GroupRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertDeal(GroupDeal d) {
		jdbc.sql("INSERT INTO group_deals (" + DEAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), d.shopId(), d.listingId(), d.skuId(), d.groupPrice(), d.groupSize(),
					d.window().toSeconds(), ts(d.createdAt()))
			.update();
	}

	public Optional<GroupDeal> deal(UUID id) {
		return jdbc.sql("SELECT " + DEAL_COLUMNS + " FROM group_deals WHERE id = ?")
			.param(id)
			.query(GroupRows::deal)
			.optional();
	}

	public void insertGroup(Group g) {
		jdbc.sql("INSERT INTO groups (" + GROUP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(g.id(), g.shopId(), g.dealId(), g.leaderAccountId(), g.status().name(), g.groupSize(),
					g.paidMembers(), ts(g.expiresAt()), ts(g.createdAt()))
			.update();
	}

	public Optional<Group> group(UUID id) {
		return jdbc.sql("SELECT " + GROUP_COLUMNS + " FROM groups WHERE id = ?")
			.param(id)
			.query(GroupRows::group)
			.optional();
	}

	public void insertMember(UUID groupId, UUID orderId, UUID accountId, UUID shopId, String initial, Instant at) {
		jdbc.sql("""
				INSERT INTO group_members (group_id, order_id, account_id, shop_id, initial, status, at)
				VALUES (?, ?, ?, ?, ?, 'JOINED', ?)""")
			.params(groupId, orderId, accountId, shopId, initial, ts(at))
			.update();
	}

	public void memberStatus(UUID groupId, UUID orderId, String status, Instant at) {
		jdbc.sql("UPDATE group_members SET status = ?, at = ? WHERE group_id = ? AND order_id = ?")
			.params(status, ts(at), groupId, orderId)
			.update();
	}

	/** Moves a member from one status to another; false when it was not in the first. */
	public boolean memberStatusFrom(UUID groupId, UUID orderId, String from, String to, Instant at) {
		return jdbc.sql("UPDATE group_members SET status = ?, at = ? WHERE group_id = ? AND order_id = ? AND status = ?")
			.params(to, ts(at), groupId, orderId, from)
			.update() == 1;
	}

	/** A paid member of an open group leaves: its seat is free again. False when the group is closed. */
	public boolean giveSeatBack(UUID groupId) {
		return jdbc.sql("UPDATE groups SET paid_members = paid_members - 1 WHERE id = ? AND status = 'OPEN' "
				+ "AND paid_members > 0")
			.param(groupId)
			.update() == 1;
	}

	/** The initials of the paid members, in the order they took their seats. */
	public List<String> paidInitials(UUID groupId) {
		return jdbc.sql("SELECT initial FROM group_members WHERE group_id = ? AND status = 'PAID' ORDER BY at, order_id")
			.param(groupId)
			.query(String.class)
			.list();
	}

	/**
	 * Takes a seat if one is left, the group is open and not expired: one conditional update,
	 * so concurrent payments never seat more members than the size. Returns the group after
	 * the update, or empty when no seat was taken.
	 */
	public Optional<Group> takeSeat(UUID groupId, Instant now) {
		return jdbc.sql("""
				UPDATE groups SET paid_members = paid_members + 1,
					status = CASE WHEN paid_members + 1 = group_size THEN 'SUCCEEDED' ELSE status END
				WHERE id = ? AND status = 'OPEN' AND paid_members < group_size AND expires_at > ?
				RETURNING\s""" + GROUP_COLUMNS)
			.params(groupId, ts(now))
			.query(GroupRows::group)
			.optional();
	}

	/** Open groups whose window closed by now. */
	public List<UUID> expired(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM groups WHERE status = 'OPEN' AND expires_at <= ? ORDER BY expires_at LIMIT ?")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	/** Marks an expired open group failed; false when it filled or failed meanwhile. */
	public boolean fail(UUID groupId, Instant now) {
		return jdbc.sql("UPDATE groups SET status = 'FAILED' WHERE id = ? AND status = 'OPEN' AND expires_at <= ?")
			.params(groupId, ts(now))
			.update() == 1;
	}

	/** Failed groups whose member orders are not all cancelled yet. */
	public List<UUID> failedUnclosed(int limit) {
		return jdbc.sql("SELECT id FROM groups WHERE status = 'FAILED' AND closed_at IS NULL LIMIT ?")
			.param(limit)
			.query(UUID.class)
			.list();
	}

	public void close(UUID groupId, Instant now) {
		jdbc.sql("UPDATE groups SET closed_at = ? WHERE id = ?").params(ts(now), groupId).update();
	}

	static GroupDeal deal(ResultSet rs, int row) throws SQLException {
		return new GroupDeal(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
				rs.getObject("listing_id", UUID.class), rs.getObject("sku_id", UUID.class), rs.getLong("group_price"),
				rs.getInt("group_size"), Duration.ofSeconds(rs.getLong("window_seconds")),
				rs.getTimestamp("created_at").toInstant());
	}

	static Group group(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
				rs.getObject("deal_id", UUID.class), rs.getObject("leader_account_id", UUID.class),
				GroupStatus.valueOf(rs.getString("status")), rs.getInt("group_size"), rs.getInt("paid_members"),
				rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant(), List.of());
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

}
